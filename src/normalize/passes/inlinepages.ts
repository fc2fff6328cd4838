import type { NormState } from '../types.ts';
import { countLetters } from '../letters.ts';

// Page markers inside the running text, as e-texts made from scanned books carry them:
// "the old [Pg 12] town", "[Page 13]". Taken when there are at least two and their numbers
// rise; each is removed and kept as an original page mark at its place.
export const INLINE = /[ \t]*\[(?:Pg|Page|p)\.?[ \u00a0]?(\d{1,4}|[ivxlcdm]{1,7})\][ \t]*/gi;

const value = (label: string) => (/^\d+$/.test(label) ? Number(label) : undefined);

export function inlinePages(s: NormState): void {
  const found: { block: number; label: string }[] = [];
  s.blocks.forEach((b, i) => {
    if (b.kind === 'code' || !b.text.includes('[')) return;
    for (const m of b.text.matchAll(INLINE)) found.push({ block: i, label: m[1] });
  });
  const numbers = found.map((f) => value(f.label)).filter((n): n is number => n !== undefined);
  const rising = numbers.slice(1).filter((n, k) => n > numbers[k]).length;
  if (found.length < 2 || rising < 0.8 * (numbers.length - 1)) return;
  for (const b of s.blocks) {
    if (b.kind === 'code' || !b.text.includes('[')) continue;
    let out = '';
    let last = 0;
    for (const m of b.text.matchAll(INLINE)) {
      out += b.text.slice(last, m.index);
      last = m.index + m[0].length;
      // one space where the marker stood between words, none at the block's edges
      const between = out.length > 0 && last < b.text.length;
      if (between) out += ' ';
      (b.pageMarks ??= []).push({ label: m[1], at: out.length, letters: countLetters(out) });
      s.changes.push({ kind: 'remove-page-marker', lines: b.lines, from: m[0].trim(), why: 'a page marker in the running text (the page number is kept)' });
    }
    if (last) b.text = out + b.text.slice(last);
  }
}
