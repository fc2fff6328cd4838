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

// A reference mark glued to the word or punctuation before it, not followed by a digit,
// letter or %, so that years, 21st, 2.4% and 384,000 are not taken for one.
const REF_RE =
  /(?<=[\p{L}\p{M}.,;:!?)\]”’"'])(\d{1,3})(?![\d\p{L}%]|[.,]\d)|( ?)\[(\d{1,3}|[a-z])\]|(?<=[\p{L}\p{M}.,;:!?)”’"'])(\*{1,3}|†|‡)(?![*\p{L}\d])|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)| (\d{1,3})(?!(?:st|nd|rd|th)\b)(?=\p{Ll}{2})/gu;

const MAYBE_REF = /[\d*†‡⁰¹²³⁴⁵⁶⁷⁸⁹]/;

/** Every place in the text that could be a note reference, in order. */
export function refCandidates(text: string): RefCandidate[] {
  const out: RefCandidate[] = [];
  if (!MAYBE_REF.test(text)) return out; // most lines have no digit or mark at all
  for (const m of text.matchAll(REF_RE)) {
    const at = m.index ?? 0;
    if (m[1] !== undefined) {
      const n = Number(m[1]);
      if (n === 0 || m[1].startsWith('0')) continue;
      const before = text.slice(Math.max(0, at - 2), at);
      // A number straight after "digit + . or ," is a decimal or thousands unless the sequence says otherwise.
      const weak = /\d[.,]$/.test(before);
      out.push({ style: 'glued', label: m[1], num: n, start: at, end: at + m[1].length, weak });
    } else if (m[3] !== undefined) {
      out.push({ style: 'bracket', label: m[3], num: numOrUndef(m[3]), start: at, end: at + m[0].length, weak: false });
    } else if (m[4] !== undefined) {
      out.push({ style: 'star', label: m[4], start: at, end: at + m[4].length, weak: false });
    } else if (m[5] !== undefined) {
      const n = superToNumber(m[5]);
      out.push({ style: 'super', label: String(n), num: n, start: at, end: at + m[5].length, weak: false });
    } else if (m[6] !== undefined) {
      out.push({ style: 'displaced', label: m[6], num: Number(m[6]), start: at, end: at + m[0].length, weak: true });
    }
  }
  return out;
}
