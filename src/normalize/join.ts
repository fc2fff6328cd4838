import type { NormState } from './types.ts';
import { decideHyphen } from './hyphenation.ts';

const HYPHEN_END = /([\p{L}\p{M}'’]+(?:-[\p{L}\p{M}'’]+)*)-$/u;
const WORD_START = /^[“"‘'(]?([\p{L}\p{M}'’]+(?:-[\p{L}\p{M}'’]+)*)/u;

/** True when a line end asks to be continued: a hyphen after a letter, or a dash. */
const SPACE = new Set([' ', '\t', '\u00a0', '\u2002', '\u2003', '\u202f']);
function trimEndSpaces(t: string): string {
  let i = t.length;
  while (i > 0 && SPACE.has(t[i - 1])) i--;
  return i === t.length ? t : t.slice(0, i);
}

export const endsOpen = (t: string): boolean => {
  const e = t.slice(-8).trimEnd();
  return /[\p{L}\p{M}]-$/u.test(e) || /[—–]$/.test(e);
};

/**
 * Joins the next physical line onto the text so far, the way a reader would: a line-end
 * hyphen is removed where it was a break and kept where the word is a compound (the
 * decision and its evidence are recorded), a dash joins without a space, anything else
 * with one space.
 */
export function joinLine(s: NormState, before: string, next: string, lines: [number, number]): string {
  const a = trimEndSpaces(before);
  const b = next.replace(/^[ \t\u00a0\u2002\u2003\u202f]+/, '');
  if (a === '') return b;
  // Only the tail matters; matching the whole growing paragraph would be quadratic.
  const h = a.endsWith('-') ? HYPHEN_END.exec(a.slice(-120)) : null;
  const w = WORD_START.exec(b);
  if (h && w && before === a) {
    const d = decideHyphen(h[1], w[1], s.lexicon, s.sidecar.meta.language ?? 'en');
    const left = a.slice(0, -1);
    const joined = d.keep ? `${left}-${b}` : left + b;
    const from = `${h[1]}-|${w[1]}`;
    const to = d.keep ? `${h[1]}-${w[1]}` : h[1] + w[1];
    s.changes.push({ kind: d.keep ? 'hyphen-kept' : 'dehyphenate', lines, from, to, why: d.why });
    if (!d.sure) s.doubts.push({ kind: 'hyphen', lines, message: `${from} → ${to}: ${d.why}` });
    return joined;
  }
  if ((a.endsWith('—') || a.endsWith('–')) && before === a) return a + b;
  return `${a} ${b}`;
}
