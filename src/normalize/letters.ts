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

// Unicode letters (\p{L}) and numbers (\p{N}) alone: 1 letter, 2 number, 3 neither, 0 not yet known.
const L_RE = /\p{L}/u;
const N_RE = /\p{N}/u;
const kinds = new Uint8Array(65536);
for (let c = 0; c < 128; c++) kinds[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : 3;
const kindOfText = (ch: string) => (L_RE.test(ch) ? 1 : N_RE.test(ch) ? 2 : 3);

/**
 * The words a text sets alone, lower-cased: runs of letters with neither a letter nor a digit
 * on either side ("engels" in "Engels said", not in "Engels1"). One pass over the characters
 * (the regex over every line cost a tenth of the normaliser's time on a long book).
 */
export function wordsStandingAlone(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) {
    const t = line.toLowerCase();
    const n = t.length;
    let prev = 3; // the kind of the character before
    let start = -1; // where the letters running now began
    let runBefore = 3; // the kind of the character before them
    for (let i = 0; i <= n; i++) {
      let k = 3;
      let width = 1;
      if (i < n) {
        const c = t.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          // a character outside the BMP: two code units, judged together
          width = 2;
          k = kindOfText(t.slice(i, i + 2));
        } else {
          k = kinds[c];
          if (k === 0) kinds[c] = k = kindOfText(t[i]);
        }
      }
      if (k === 1 && start < 0) {
        start = i;
        runBefore = prev;
      } else if (k !== 1 && start >= 0) {
        if (runBefore !== 2 && k !== 2) out.add(t.slice(start, i));
        start = -1;
      }
      prev = k;
      i += width - 1;
    }
  }
  return out;
}

/**
 * The scripts that set no spaces between words (Chinese, Japanese): a regex character class's
 * contents, for the passes that count or join words — each character there is a word.
 */
export const EAST_ASIAN = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}';
