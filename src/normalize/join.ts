import type { NormState } from './types.ts';
import { decideHyphen } from './hyphenation.ts';
import { wordBeforeFinalHyphen } from './letters.ts';

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
  // a soft hyphen is a break the word allows, never a letter of it
  if (a.endsWith('\u00ad') && before === a) return a.slice(0, -1) + b;
  const left = wordBeforeFinalHyphen(a);
  const w = left ? WORD_START.exec(b) : null;
  if (left && w && before === a) {
    const d = decideHyphen(left, w[1], s.lexicon, s.sidecar.meta.language ?? 'en');
    const head = a.slice(0, -1);
    const joined = d.keep ? `${head}-${b}` : head + b;
    const from = `${left}-|${w[1]}`;
    const to = d.keep ? `${left}-${w[1]}` : left + w[1];
    s.changes.push({ kind: d.keep ? 'hyphen-kept' : 'dehyphenate', lines, from, to, why: d.why });
    if (!d.sure) s.doubts.push({ kind: 'hyphen', lines, message: `${from} → ${to}: ${d.why}` });
    return joined;
  }
  if ((a.endsWith('—') || a.endsWith('–')) && before === a) return a + b;
  return `${a} ${b}`;
}
