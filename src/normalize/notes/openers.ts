// How a line can open a footnote body, in all the ways the carriers write it. An opener is
// only a candidate: whether it is a note is decided with the references (notes/assign.ts).
import { parseLabel, type Label } from './labels.ts';

export type OpenerForm =
  | 'fn-block' // [Footnote 3: … ]  (Distributed Proofreaders, Gutenberg)
  | 'fn-line' // Footnote 3:  on a line of its own, the body below it (ppgen)
  | 'bracket' // [3] …
  | 'brace' // {3} …
  | 'paren' // (3) …
  | 'dot' // 3. …
  | 'space' // 3 …  (typeset notes, hanging-indent lists)
  | 'alone' // 3  alone on its line, the body on the next lines (pdftotext)
  | 'sym' // * …  † …
  | 'super' // ³ …
  | 'caret' // ^ …  ^ a b …  (Wikipedia's notes list, no numbers)
  | 'arrow' // ↑ …  ↑ 3.0 3.1 …  (MediaWiki back-links)
  | 'tail'; // … ↩︎  (a notes list that prints no numbers, the back-link at the end)

export interface Opener {
  form: OpenerForm;
  /** The label, or nothing for lists that print none (caret, tail; arrow without numbers). */
  label?: Label;
  /** The text after the label (for `tail`, the whole line without its back-link). */
  rest: string;
  /** Columns of indentation before the label. */
  indent: number;
  /** How many references the list's back-links say point here (`^ a b c` = 3). */
  cites?: number;
  /** A form that says "note" by itself, whatever the references are. */
  strong: boolean;
  /** "6 1530-1596. See …", "64." alone, "3.Hic": a number before a number, with nothing after it or glued to it, opens a body only inside a run in series. */
  continuesOnly?: boolean;
  /** "22Sometimes …": a raised label copied glued to its text, which no numbered list writes. */
  glued?: boolean;
}

const SP = '[ \\u00a0\\u2002\\u2003\\u2009]';
const LABEL = '(\\d{1,6}[a-z]?|[A-Za-z]|\\*{1,3}|[†‡§‖¶])';
// (bracketed too, "… Quelle: www.zitate.net [↩]", as some blogs' footnote plugins set it)
const BACKLINK_TAIL = /[ \u00a0]*(?:\[[ \u00a0]*↩\uFE0E?\uFE0F?[ \u00a0]*\]|↩\uFE0E?\uFE0F?)+[ \u00a0]*$/u;

const RES: [OpenerForm, RegExp, boolean][] = [
  ['fn-block', /^\[Footnote[ \u00a0]*(\d{1,6}[a-z]?|[A-Za-z]|\*{1,3}|[†‡§])?[ \u00a0]*[:.][ \u00a0]*/i, true],
  ['fn-line', /^Footnote[ \u00a0]+(\d{1,6}[a-z]?|[A-Za-z]|\*{1,3}|[†‡§]):[ \u00a0]*/i, true],
  // "[W]hen": an editor's bracketed capital goes on in the word, no label does
  ['bracket', new RegExp(`^\\[${LABEL}\\](?!\\p{Ll})${SP}*`, 'u'), false],
  ['brace', /^\{(\d{1,6}[a-z]?)\}[ \u00a0]*/, false],
  ['paren', new RegExp(`^\\((\\d{1,6}|[a-z]|[A-Z])\\)${SP}+(?=\\S)`), false],
  ['dot', new RegExp(`^(\\d{1,6})\\.${SP}+(?=[^\\s\\d])`), false],
  // "A. Engels had in mind…": a capital's series under a notes heading (an initial, "A. Smith",
  // opens none alone: the run needs B. after it, and marks [A], [B] before it)
  ['dot', new RegExp(`^([A-Z])\\.${SP}+(?=[\\p{Lu}“"‘(])`, 'u'), false],
  ['sym', new RegExp(`^(\\*{1,3}|\u2217{1,3}|[†‡§‖¶])${SP}*(?=[^\\s*\u2217])`), false],
  ['super', /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6})[ \u00a0]*(?=\S)/, false],
  ['space', new RegExp(`^(\\d{1,6})${SP}+(?=[^\\s\\d.,;:%)\\]–—-])`), false],
  ['space', /^(\d{1,3})(?=[\p{Lu}“"‘(][\p{Ll}\p{Lu}])/u, false],
  ['alone', /^(\d{1,6}|[a-z]|\*{1,3}|\u2217{1,3}|[†‡§])$/, false],
  ['space', new RegExp(`^(\\d{1,6})${SP}+(?=\\d)`), false],
  // (in a run only: "23. 781 towns…", "64." over the table that is its text, "3.Hic Rhodus…"
  // glued — never a year's "1986.")
  ['dot', new RegExp(`^(\\d{1,3})\\.${SP}+(?=\\d)`), false],
  ['dot', /^(\d{1,3})\.$/, false],
  ['dot', /^(\d{1,3})\.(?=\p{Lu}\p{Ll})/u, false],
  // (an editor's note inserted after note 26, "26a. In the German edition…": in a run only)
  ['dot', new RegExp(`^(\\d{1,3}[a-z])\\.${SP}+(?=\\S)`), false],
];

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The opener a line starts with, if any. */
export function openerOf(line: string): Opener | undefined {
  // the finders ask about the same lines again and again: answers kept (frozen, shared)
  let o = openers.get(line);
  if (o === undefined) {
    if (openers.size > 100_000) openers.clear();
    o = readOpener(line) ?? null;
    if (o) Object.freeze(o);
    openers.set(line, o);
  }
  return o ?? undefined;
}
const openers = new Map<string, Opener | null>();

function readOpener(line: string): Opener | undefined {
  // "_  212 Supra_, p. 222.": an emphasis mark before the label belongs to the text after it
  const em = /^([ \u00a0\t]*)_[ \u00a0]+(?=\d)/.exec(line);
  if (em) {
    const o = openerOf(em[1] + line.slice(em[0].length));
    return o?.label ? { ...o, rest: `_${o.rest}` } : undefined;
  }
  const lead = /^[ \u00a0\t]*/.exec(line)![0];
  const t = line.slice(lead.length).replace(/(?<![ \u00a0\t\r])[ \u00a0\t\r]+$/, '');
  if (!t) return undefined;
  const indent = lead.replace(/\t/g, '        ').length;
  let m: RegExpExecArray | null;
  // Wikipedia: "^ text", "^ a b c text", "12. ^ text" (the caret set apart: "^old^new^" is a shell's)
  if ((m = /^(?:(\d{1,6})\.[ \u00a0]*)?\^[ \u00a0]+((?:[a-z]{1,2}[ \u00a0]+)*)/.exec(t)) && t.includes('^')) {
    const letters = m[2].trim().split(/\s+/).filter(Boolean);
    const run = letters.length >= 2 && letters[0] === 'a' && letters.every((l, i) => l === String.fromCharCode(97 + i));
    const rest = run ? t.slice(m[0].length) : t.slice(m[0].length - m[2].length);
    return { form: 'caret', label: m[1] ? parseLabel(m[1]) : undefined, rest, indent, cites: run ? letters.length : 1, strong: true };
  }
  // MediaWiki: "↑ text", "↑ 3.0 3.1 text", "3. ↑ text"
  if ((m = /^(?:(\d{1,6})\.[ \u00a0]*)?↑[ \u00a0]*((?:\d{1,6}\.\d{1,3}[ \u00a0]+)*)/.exec(t))) {
    const subs = m[2].trim().split(/\s+/).filter(Boolean);
    const n = m[1] ?? (subs.length ? subs[0].split('.')[0] : undefined);
    return { form: 'arrow', label: n ? parseLabel(n) : undefined, rest: t.slice(m[0].length), indent, cites: Math.max(1, subs.length), strong: true };
  }
  for (const [form, re, strong] of RES) {
    if (!(m = re.exec(t))) continue;
    const raw = m[1];
    if (form === 'fn-block' && raw === undefined) return { form, rest: t.slice(m[0].length), indent, strong };
    const label = form === 'super' ? parseLabel(String(Number([...raw].map((c) => SUPER.indexOf(c)).join('')))) : parseLabel(raw);
    if (!label) continue;
    let rest = t.slice(m[0].length);
    if (form === 'alone') rest = '';
    const glued = form === 'space' && m[0] === raw ? true : undefined;
    return { form, label, rest, indent, strong, continuesOnly: (form === 'space' || form === 'dot') && (/^\d/.test(rest) || !rest || m[0] === `${raw}.` || label.kind === 'numalpha') ? true : undefined, glued };
  }
  // pandoc-style notes lists without numbers: the back-link ends the body
  if (BACKLINK_TAIL.test(t) && t.replace(BACKLINK_TAIL, '').trim()) return { form: 'tail', rest: t.replace(BACKLINK_TAIL, ''), indent, strong: true, cites: (t.match(/↩/g) ?? []).length };
  return undefined;
}

/**
 * "A While written…", "B This stage…": a capital set apart before a capitalised word, as some
 * notes lists label their bodies. A sentence's "A" reads the same, so this is no opener of its
 * own: only a run A, B, C… in a list stands as one (notes/zones.ts), matched to marks [A], [B].
 */
export function letterOpenerOf(line: string): Opener | undefined {
  const m = new RegExp(`^([ \\u00a0\\t]*)([A-Z])${SP}+(?=\\p{Lu}\\p{Ll})`, 'u').exec(line);
  if (!m) return undefined;
  return { form: 'space', label: parseLabel(m[2]), rest: line.slice(m[0].length).trimEnd(), indent: m[1].replace(/\t/g, '        ').length, strong: false };
}

export const endsWithBacklink = (t: string): boolean => BACKLINK_TAIL.test(t);
export const stripBacklink = (t: string): string => t.replace(BACKLINK_TAIL, '');

/** Forms that also open numbered lists, bibliographies and section numbers: they need more evidence. */
export const ambiguous = (o: Opener): boolean => !o.glued && ['paren', 'dot', 'space', 'alone'].includes(o.form);
