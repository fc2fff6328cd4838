import type { Item, NormState } from '../types.ts';
import { PAGE_CLOSE, PAGE_OPEN } from '../types.ts';
import { isLetterCode } from '../letters.ts';

/**
 * Every original page number the source states or implies stays in the text: a page that
 * began in a block the later passes removed (a title, a byline) is marked at the start of
 * the next block, so no page of the original edition goes missing from the page list.
 */
export function pagemarks(s: NormState): void {
  const present = new Set(s.blocks.flatMap((b) => (b.pageMarks ?? []).map((m) => m.label)));
  const breaks = s.items.filter((x): x is Extract<Item, { kind: 'page' }> => x.kind === 'page');
  const wanted = [{ label: s.startLabel, no: 0 }, ...breaks.map((b) => ({ label: b.label, no: b.no }))];
  for (const w of wanted) {
    if (!w.label || present.has(w.label)) continue;
    const b = s.blocks.find((x) => x.lines.some((no) => no > w.no));
    if (!b) continue;
    (b.pageMarks ??= []).unshift({ label: w.label, at: 0, letters: 0 });
    present.add(w.label);
    s.changes.push({ kind: 'page-number-moved', lines: [w.no || b.lines[0]], why: `p. ${w.label} began in text that became metadata; it is marked where the text goes on` });
  }
}

const isSpace = (c: string) => /\s/.test(c);

/** Where a page that begins after `letters` letters is marked: before its first word, or after a word it cut in two. */
export function markPosition(text: string, letters: number): number {
  if (letters <= 0) return 0;
  let n = 0;
  let p = text.length;
  for (let i = 0; i < text.length; i++) {
    if (!isLetterCode(text.charCodeAt(i))) continue;
    if (n === letters) {
      p = i;
      break;
    }
    n++;
  }
  const letterAt = (i: number) => i >= 0 && i < text.length && isLetterCode(text.charCodeAt(i));
  if (p < text.length && letterAt(p - 1)) {
    while (letterAt(p) || (/['’-]/.test(text[p] ?? '') && letterAt(p + 1))) p++;
    return p;
  }
  while (p > 0 && !isSpace(text[p - 1]) && !letterAt(p - 1)) p--;
  return p;
}

/** The text with each page mark put in as a token, for emit to write. */
export function placeMarks(text: string, marks: { label: string; letters: number }[]): string {
  const at = marks.map((m) => ({ label: m.label, p: markPosition(text, m.letters) })).sort((a, b) => b.p - a.p);
  let out = text;
  for (const m of at) out = `${out.slice(0, m.p)}${PAGE_OPEN}${m.label}${PAGE_CLOSE}${out.slice(m.p)}`;
  return out;
}
