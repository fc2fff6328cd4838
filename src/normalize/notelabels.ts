// How footnote labels and references look in raw texts. Shared by the pass that finds
// note bodies and the pass that links references to them.

export type LabelStyle = 'bracket' | 'star' | 'digit' | 'super' | 'caret' | 'gutenberg';

export interface LineLabel {
  style: LabelStyle;
  label: string;
  /** The label's number, when it has one. */
  num?: number;
  /** The text after the label. */
  rest: string;
}

import { isLetterCode } from './letters.ts';

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export const superToNumber = (s: string): number => Number([...s].map((c) => SUPER.indexOf(c)).join(''));

/** The note label a line starts with, if any: `[3] …`, `3. …`, `3 …`, `3…`, `* …`, `³ …`, `^ …`. */
export function lineLabel(line: string): LineLabel | undefined {
  const t = line.replace(/^[ \u00a0]+/, '');
  let m: RegExpExecArray | null;
  if ((m = /^\[Footnote\s+(\w{1,4})\s*:\s*/i.exec(t))) return { style: 'gutenberg', label: m[1], num: numOrUndef(m[1]), rest: t.slice(m[0].length) };
  if ((m = /^\[(\d{1,3}|[A-Za-z])\][ \u00a0]*/.exec(t))) return { style: 'bracket', label: m[1], num: numOrUndef(m[1]), rest: t.slice(m[0].length) };
  if ((m = /^(\*{1,3}|†|‡)[ \u00a0]+(?=\S)/.exec(t))) return { style: 'star', label: m[1], rest: t.slice(m[0].length) };
  if ((m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})[ \u00a0]*(?=\S)/.exec(t))) return { style: 'super', label: String(superToNumber(m[1])), num: superToNumber(m[1]), rest: t.slice(m[0].length) };
  if ((m = /^(?:(\d{1,3})\.[ \u00a0]*)?\^[ \u00a0]*(?:[a-z]{1,2}[ \u00a0]+)*/.exec(t)) && t.includes('^'))
    return { style: 'caret', label: m[1] ?? '', num: m[1] ? Number(m[1]) : undefined, rest: t.slice(m[0].length) };
  if ((m = /^(\d{1,3})(?:\.[ \u00a0\u2002\u2003]+|[ \u00a0\u2002\u2003]+|(?=[\p{Lu}“"‘(])|$)/u.exec(t)))
    return { style: 'digit', label: m[1], num: Number(m[1]), rest: t.slice(m[0].length).replace(/^[\s\u2002\u2003]+/, '') };
  return undefined;
}

const numOrUndef = (s: string) => (/^\d+$/.test(s) ? Number(s) : undefined);

export type RefStyle = 'glued' | 'bracket' | 'star' | 'super' | 'displaced';

export interface RefCandidate {
  style: RefStyle;
  /** The number referred to, or the mark itself for `*`. */
  label: string;
  num?: number;
  /** Offsets of the whole marker in the text (including a space before a bracket). */
  start: number;
  end: number;
  /** Weak candidates (a number after a number, a digit before a word) need the sequence to vouch for them. */
  weak: boolean;
}

// A reference mark is glued to the word or punctuation before it.
const GLUE_AFTER = new Set([...'.,;:!?)]”’"\'']);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const BRACKET = /\[(\d{1,3}|[a-z])\]/y;

/**
 * Every place in the text that could be a note reference, in order. A scanner rather
 * than one regex: it stops only at digits, brackets, stars and superscripts, so long
 * paragraphs cost little. Numbers followed by a digit, letter or % (years, 21st, 2.4%,
 * 384,000) are not taken; a number after "digit + . or ," is weak (1871.22).
 */
export function refCandidates(text: string): RefCandidate[] {
  const out: RefCandidate[] = [];
  const n = text.length;
  const glued = (i: number) => i > 0 && (isLetterCode(text.charCodeAt(i - 1)) || GLUE_AFTER.has(text[i - 1]));
  // Jump from one possible mark to the next with a plain character class (native, fast).
  const trigger = /[\d[*†‡⁰¹²³⁴⁵⁶⁷⁸⁹]/g;
  for (let t = trigger.exec(text); t; t = trigger.exec(text)) {
    let i = t.index;
    const c = text.charCodeAt(i);
    const ch = text[i];
    if (isDigit(c)) {
      let j = i;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const digits = text.slice(i, j);
      const after = j < n ? text.charCodeAt(j) : -1;
      const nextOk = after === -1 || !(isDigit(after) || isLetterCode(after) || after === 37 || ((after === 46 || after === 44) && isDigit(text.charCodeAt(j + 1))));
      if (digits.length <= 3 && !digits.startsWith('0') && (i === 0 || !isDigit(text.charCodeAt(i - 1)))) {
        if (glued(i) && nextOk) {
          out.push({ style: 'glued', label: digits, num: Number(digits), start: i, end: j, weak: i >= 2 && isDigit(text.charCodeAt(i - 2)) && (text[i - 1] === '.' || text[i - 1] === ',') });
        } else if (text[i - 1] === ' ' && j + 1 < n && isLower(text[j]) && isLower(text[j + 1]) && !/^(st|nd|rd|th)(?![\p{L}])/u.test(text.slice(j, j + 3))) {
          out.push({ style: 'displaced', label: digits, num: Number(digits), start: i - 1, end: j, weak: true });
        }
      }
      i = j - 1;
    } else if (ch === '[') {
      BRACKET.lastIndex = i;
      const m = BRACKET.exec(text);
      if (m) {
        const start = text[i - 1] === ' ' ? i - 1 : i;
        out.push({ style: 'bracket', label: m[1], num: numOrUndef(m[1]), start, end: i + m[0].length, weak: false });
        i += m[0].length - 1;
      }
    } else if (ch === '*' || ch === '†' || ch === '‡') {
      let j = i;
      while (j < n && j - i < 3 && text[j] === ch && ch === '*') j++;
      if (j === i) j = i + 1;
      const after = j < n ? text.charCodeAt(j) : -1;
      const okAfter = after === -1 || !(text[j] === '*' || isLetterCode(after) || isDigit(after));
      if (glued(i) && text[i - 1] !== ']' && okAfter) out.push({ style: 'star', label: text.slice(i, j), start: i, end: j, weak: false });
      i = j - 1;
    } else if (SUPER.includes(ch)) {
      let j = i;
      while (j < n && SUPER.includes(text[j])) j++;
      const v = superToNumber(text.slice(i, j));
      out.push({ style: 'super', label: String(v), num: v, start: i, end: j, weak: false });
      i = j - 1;
    }
    trigger.lastIndex = i + 1; // go on after what this mark consumed
  }
  return out;
}
