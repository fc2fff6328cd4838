// Scale: ten thousand notes link in every style the normaliser reads (labels of any length).
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/chain.ts';

const N = 10_000;
const para = (i: number, mark: string) => `Paragraph ${i} says something about the matter at hand, with a reference here.${mark} And it goes on a little longer so that it reads as prose.`;
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number) => [...String(n)].map((d) => SUP[Number(d)]).join('');

const STYLES: Record<string, { mark: (i: number) => string; body: (i: number) => string; heading: string }> = {
  'web copy, [n] marks and an n. list': { mark: (i) => `[${i}]`, body: (i) => `${i}. The body of note ${i}, which cites a book.`, heading: 'Notes' },
  '[n] marks and a [n] list': { mark: (i) => `[${i}]`, body: (i) => `[${i}] The body of note ${i}, which cites a book.`, heading: 'Notes' },
  'glued digits and an n. list': { mark: (i) => String(i), body: (i) => `${i}. The body of note ${i}, which cites a book.`, heading: 'Notes' },
  'superscript digits and a superscript list': { mark: (i) => sup(i), body: (i) => `${sup(i)} The body of note ${i}, which cites a book.`, heading: 'Notes' },
  '[n] marks and a ^ list (Wikipedia)': { mark: (i) => `[${i}]`, body: (i) => `^ The body of note ${i}, which cites a book.`, heading: 'References' },
};

describe(`${N} notes`, () => {
  it.each(Object.entries(STYLES))('%s: every one linked to its own body', (_name, st) => {
    const text = `A Title\n\n${Array.from({ length: N }, (_, i) => para(i + 1, st.mark(i + 1))).join('\n\n')}\n\n${st.heading}\n\n${Array.from({ length: N }, (_, i) => st.body(i + 1)).join('\n')}\n`;
    const { markdown } = normalize(text);
    const right = [...markdown.matchAll(/^\[\^(\d+)\]: The body of note (\d+),/gm)].filter((m) => m[1] === m[2]).length;
    expect(right).toBe(N);
    // each paragraph refers to its own note
    const refs = [...markdown.matchAll(/^Paragraph (\d+) says .*?\[\^(\d+)\]/gm)].filter((m) => m[1] === m[2]).length;
    expect(refs).toBe(N);
  }, 300_000);
});
