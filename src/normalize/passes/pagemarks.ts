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
  return positionsOf(text, [letters])[0];
}

/** From the letter a page begins at: before its word, or after a word it cut in two. */
function adjust(text: string, at: number): number {
  let p = at;
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
  // (the text read once for all its marks, and cut once at each: a paragraph running over
  // hundreds of pages was read and copied again for every page)
  const at = positionsOf(text, marks.map((m) => m.letters)).map((p, k) => ({ label: marks[k].label, p, k }));
  // marks at one place keep the order the old one-by-one insertion gave them: the later mark first
  at.sort((a, b) => a.p - b.p || b.k - a.k);
  const parts: string[] = [];
  let from = 0;
  for (const m of at) {
    parts.push(text.slice(from, m.p), `${PAGE_OPEN}${m.label}${PAGE_CLOSE}`);
    from = m.p;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** markPosition for many counts of letters, the text read once. */
function positionsOf(text: string, counts: number[]): number[] {
  const order = counts.map((_c, k) => k).sort((a, b) => counts[a] - counts[b]);
  const out = new Array<number>(counts.length);
  let n = 0;
  let i = 0;
  for (const k of order) {
    const letters = counts[k];
    if (letters <= 0) {
      out[k] = 0;
      continue;
    }
    // the index of the letter after `letters` letters (text.length if none)
    while (i < text.length && (n < letters || !isLetterCode(text.charCodeAt(i)))) {
      if (isLetterCode(text.charCodeAt(i))) n++;
      i++;
    }
    out[k] = adjust(text, i);
  }
  return out;
}
