// Fast letter tests for the scanners that run over every character of a text.
const LETTER_RE = /[\p{L}\p{M}]/u;
const nonAscii = new Map<number, boolean>();

/** True for a letter or combining mark; ASCII is decided without a regex. */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let v = nonAscii.get(c);
  if (v === undefined) nonAscii.set(c, (v = LETTER_RE.test(String.fromCharCode(c))));
  return v;
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
