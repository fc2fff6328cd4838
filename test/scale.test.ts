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
  '[n] marks and a ↑ list (MediaWiki)': { mark: (i) => `[${i}]`, body: (i) => `↑ The body of note ${i}, which cites a book.`, heading: 'Notes and references' },
  'glued digits and a list ending in ↩︎ (pandoc)': { mark: (i) => String(i), body: (i) => `The body of note ${i}, which cites a book.↩︎`, heading: 'Footnotes' },
  '[n] marks and [Footnote n: …] blocks (Distributed Proofreaders)': { mark: (i) => `[${i}]`, body: (i) => `[Footnote ${i}: The body of note ${i}, which cites a book.]`, heading: 'FOOTNOTES:' },
  '{n} marks and a {n} list (Gutenberg)': { mark: (i) => ` {${i}}`, body: (i) => `{${i}}  The body of note ${i}, which cites a book.`, heading: 'Footnotes.' },
  '(n) marks and an (n) list': { mark: (i) => `(${i})`, body: (i) => `(${i}) The body of note ${i}, which cites a book.`, heading: 'Notes' },
  '[n] marks and an “n text” list (typeset notes)': { mark: (i) => `[${i}]`, body: (i) => `${i} The body of note ${i}, which cites a book.`, heading: 'Notes' },
  '[n] marks and “Footnote n:” lines with the body below (ppgen)': { mark: (i) => `[${i}]`, body: (i) => `Footnote ${i}:\n\n  The body of note ${i}, which cites a book.\n`, heading: 'FOOTNOTES' },
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

describe('a pack of 50 pieces and a book of 2,000 pages', () => {
  it('build, their EPUBs pass epubcheck and their PDFs qpdf', async () => {
    const { cpSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { root } = await import('./helpers.ts');
    const dir = mkdtempSync(join(tmpdir(), 'editions-big-'));
    mkdirSync(join(dir, 'sources'));
    for (const d of ['templates', 'fonts']) cpSync(join(root, d), join(dir, d), { recursive: true });
    const names = ['james-world-revolution-lenin', 'npa-lenin-lessons-from-the-past', 'stalin-dictatorship-of-the-proletariat-paged', 'lorimer-introduction-to-state-and-revolution'];
    const pieces = Array.from({ length: 50 }, (_, i) => {
      const p = `piece-${String(i).padStart(2, '0')}`;
      for (const ext of ['txt', 'yaml']) copyFileSync(join(root, 'sources', `${names[i % 4]}.${ext}`), join(dir, 'sources', `${p}.${ext}`));
      return p;
    });
    const foundations = readFileSync(join(root, 'sources', 'stalin-foundations-of-leninism.txt'), 'utf8');
    writeFileSync(join(dir, 'sources', 'long.txt'), Array.from({ length: 21 }, () => foundations).join('\n\n'));
    copyFileSync(join(root, 'sources', 'stalin-foundations-of-leninism.yaml'), join(dir, 'sources', 'long.yaml'));
    writeFileSync(
      join(dir, 'editions.yaml'),
      ['sources: sources', 'editions:', '  - name: fifty', '    title: Fifty pieces', '    editor: A tester', '    language: en', '    pieces:', ...pieces.map((p) => `      - source: ${p}`), '  - name: long', '    source: long', ''].join('\n'),
    );
    const r = spawnSync(process.execPath, [join(root, 'bin/editions.js'), 'build', '--json', '--jobs', '1'], { cwd: dir, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }, maxBuffer: 64 << 20 });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const run = JSON.parse(r.stdout) as { editions: { edition: string; pages: number; notes: number }[] };
    const by = Object.fromEntries(run.editions.map((e) => [e.edition, e]));
    // 13 × 9 + 13 × 15 + 12 × 14 + 12 × 0 notes, numbered per piece
    expect(by.fifty.notes).toBe(480);
    expect(by.long.pages).toBeGreaterThanOrEqual(2000);
    expect(by.long.notes).toBe(21 * 32);
    for (const e of ['fifty', 'long']) {
      const check = spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', join(dir, 'out', 'epub', `${e}.epub`)], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(check.stdout + check.stderr, e).toMatch(/0 fatals \/ 0 errors \/ 0 warnings/);
      expect(spawnSync('qpdf', ['--check', join(dir, 'out', 'pdf', `${e}.pdf`)]).status, e).toBe(0);
    }
  }, 600_000);
});

describe('200,000 lines', () => {
  // (a list of that many items overflowed the stack as it was written out; a paragraph of that
  // many lines was joined by copying the whole paragraph at every line)
  it.each([
    ['one word a line', (i: number) => `word${i}`],
    ['one long paragraph', (i: number) => `and the ${i}th line of it runs on`],
  ])('%s: every line kept', (_name, line) => {
    const n = 200_000;
    const { markdown } = normalize(`A Title\n\nThe text opens here.\n\n${Array.from({ length: n }, (_, i) => line(i + 1)).join('\n')}\n\nThe end.\n`);
    const kept = new Set([...markdown.matchAll(/\d+/g)].map((m) => Number(m[0])));
    expect(Array.from({ length: n }, (_, i) => i + 1).filter((k) => !kept.has(k))).toEqual([]);
  }, 120_000);

  // (a scan with no form feeds: 6,666 pages told by their heads, one paragraph running over
  // them all — its page marks were placed, and its end read, by re-reading the whole paragraph
  // at every page: 15 s for 20,000 lines, hours for these)
  it('a scanned book’s pages, one paragraph over them all: every line kept, every page marked', () => {
    const n = 200_000;
    // (each line's words its own, spelt from its number: no two lines alike, as a running head is)
    const spelt = (i: number) => [...i.toString(26)].map((c) => String.fromCharCode(97 + Number.parseInt(c, 26))).join('');
    const lines = Array.from({ length: n }, (_, i) => (i % 30 === 0 ? `${i / 30 + 1} THE HARBOUR RECORDS` : `and the line ${spelt(i + 1)} of it runs on to ${i + 1} more`));
    const { markdown } = normalize(`${lines.join('\n')}\n`);
    const kept = new Set([...markdown.matchAll(/runs on to (\d+) more/g)].map((m) => Number(m[1])));
    expect(Array.from({ length: n }, (_, i) => i + 1).filter((k) => k % 30 !== 1 && !kept.has(k))).toEqual([]);
    expect(markdown).not.toMatch(/HARBOUR RECORDS/);
    expect(markdown.match(/<!--page \d+-->/g)?.length).toBeGreaterThanOrEqual(6000);
  }, 120_000);
});
