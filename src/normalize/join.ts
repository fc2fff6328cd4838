import type { NormState } from './types.ts';
import { decideHyphen } from './hyphenation.ts';
import { EAST_ASIAN, wordBeforeFinalHyphen } from './letters.ts';

const WORD_START = /^[“"‘'(]?([\p{L}\p{M}'’]+(?:-[\p{L}\p{M}'’]+)*)/u;

// (with their punctuation: 、。「」 and the full-width forms)
const EAST_ASIAN_TEXT = `${EAST_ASIAN}\\u3000-\\u303f\\uff01-\\uff60`;
// (two characters a side: a figure's characters set one a line, a vertical-text sample, are no text run on)
const EAST_ASIAN_END = new RegExp(`[${EAST_ASIAN_TEXT}]{2}$`, 'u');
const EAST_ASIAN_START = new RegExp(`^[${EAST_ASIAN_TEXT}]{2}`, 'u');

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
 * with one space. Given as two parts: what no later join looks at again (all up to a joining
 * space) and what it may (the last word and what follows it).
 */
function joinAt(s: NormState, before: string, next: string, lines: [number, number]): [string, string] {
  const a = trimEndSpaces(before);
  const b = next.replace(/^[ \t\u00a0\u2002\u2003\u202f]+/, '');
  if (a === '') return ['', b];
  // a soft hyphen is a break the word allows, never a letter of it
  if (a.endsWith('\u00ad') && before === a) return ['', a.slice(0, -1) + b];
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
    return ['', joined];
  }
  if ((a.endsWith('—') || a.endsWith('–')) && before === a) return ['', a + b];
  // Chinese and Japanese put no space between words: a line break between two of their
  // characters joins without one (Pandoc's east_asian_line_breaks)
  if (EAST_ASIAN_END.test(a) && EAST_ASIAN_START.test(b)) return ['', a + b];
  return [`${a} `, b];
}

/** Two pieces of text joined as two lines are (a word broken at its hyphen judged, decided in the report). */
export function joinTwo(s: NormState, before: string, next: string, lines: [number, number]): string {
  const [done, rest] = joinAt(s, before, next, lines);
  return done + rest;
}

/**
 * A paragraph joined line by line. Joining onto one growing string would read the whole
 * string at every line (a string built by + is copied flat when read): quadratic in a long
 * paragraph (20,000 lines took 5 s). Here each join looks at the last part only, the parts
 * before it are joined once, when the text is asked for; the text is the same.
 */
export class JoinedText {
  private done: string[] = [];
  private doneLength = 0;
  private tail: string;
  private whole: string | undefined;

  constructor(first: string) {
    this.tail = first;
  }

  get length(): number {
    return this.doneLength + this.tail.length;
  }

  /** Joins the next line on; `spacer` is set at the end of the text first (a line's own trailing space). */
  add(s: NormState, next: string, lines: [number, number], spacer = ''): void {
    const [left, right] = joinAt(s, this.tail + spacer, next, lines);
    this.whole = undefined;
    // (nothing after the space yet: the space stays where the next join sees it)
    if (right === '') {
      this.tail = left;
      return;
    }
    if (left) {
      this.done.push(left);
      this.doneLength += left.length;
    }
    this.tail = right;
  }

  /** The last `n` characters, what a test of the paragraph's end reads, without joining it all. */
  last(n: number): string {
    let out = this.tail;
    for (let k = this.done.length - 1; k >= 0 && out.length < n; k--) out = this.done[k].slice(-(n - out.length)) + out;
    return out.length > n ? out.slice(-n) : out;
  }

  text(): string {
    if (this.whole === undefined) {
      this.whole = [...this.done, this.tail].join('');
      this.done = [this.whole.slice(0, this.doneLength)];
    }
    return this.whole;
  }
}
