// Fast letter tests for the scanners that run over every character of a text.
const LETTER_RE = /[\p{L}\p{M}]/u;
// 0: not yet known, 1: letter, 2: not a letter — filled as characters are met.
const table = new Uint8Array(65536);

/** True for a letter or combining mark (UTF-16 code units; ASCII decided without a regex). */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let v = table[c];
  if (v === 0) table[c] = v = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}

const APOS = new Set([39, 0x2019]); // ' ’
const HYPHEN = 45;

/**
 * The word that ends a text just before a final hyphen (`social-pac-` → `social-pac`):
 * letters, with inner hyphens and apostrophes. Scans back from the end, so a long
 * paragraph costs no more than its last word.
 */
export function wordBeforeFinalHyphen(t: string): string | undefined {
  if (!t.endsWith('-')) return undefined;
  let i = t.length - 1;
  while (i > 0) {
    const c = t.charCodeAt(i - 1);
    if (isLetterCode(c) || ((c === HYPHEN || APOS.has(c)) && i >= 2 && isLetterCode(t.charCodeAt(i - 2)))) i--;
    else break;
  }
  const w = t.slice(i, t.length - 1);
  return w && isLetterCode(w.charCodeAt(w.length - 1)) ? w : undefined;
}

/** Letters in a text: a position measure that quotes, dashes, spaces and note labels do not move. */
export function countLetters(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) if (isLetterCode(t.charCodeAt(i))) n++;
  return n;
}
