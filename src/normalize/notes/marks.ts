// Every place in a line of running text that could be a note reference, with its form.
// A scanner rather than one regex: it stops only at digits, brackets, braces, parentheses,
// stars and superscripts, so long lines cost little. Whether a candidate is a reference is
// decided with the bodies (notes/assign.ts): years and counts fall out because no body
// with their number stands where a note would.
import { isLetterCode } from '../letters.ts';
import { parseLabel, type Label } from './labels.ts';

export type MarkForm =
  | 'bracket' // [12]  [A]  [*]  [n 3]  *[12]
  | 'brace' // {12}  {35a}
  | 'paren' // word(12)  word.(12)
  | 'glued' // word12  word.12  ”12
  | 'super' // word¹²
  | 'sym' // word*  word†
  | 'displaced' // "the Anarchists 5in place": a raised number that the extraction moved
  | 'spaced' // "distributions. 1 Most": a raised number set off by spaces after its sentence
  | 'alone' // a raised number that the extraction put on a line of its own
  | 'ocr'; // what OCR makes of a raised number: writer} protest® presence? Acton’ (label unknown)

export interface Mark {
  form: MarkForm;
  label: Label;
  /** Offsets of the whole mark in the line (a space before a bracket included). */
  start: number;
  end: number;
  /** Forms that are note marks by themselves (brackets, braces) may be cited many times. */
  distinctive: boolean;
  /** Candidates that need the sequence of labels to vouch for them. */
  weak: boolean;
  /** Less likely a mark than another candidate (its word and number come back through the text; a symbol set apart): taken last. */
  doubtful?: boolean;
  /** The number an OCR symbol most likely stood for, by its shape: "!" a 1, "?" a 2. */
  likely?: string;
  /** For OCR's misreading, the symbol it read ("®"): OCR may read the label at the foot so too. */
  glyph?: string;
}

const GLUE_AFTER = new Set([...'.,;:!?)]”’"\'»']);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (ch: string | undefined) => !!ch && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superValue = (s: string) => Number([...s].map((c) => SUPER.indexOf(c)).join(''));
const BRACKET = /\[(\d{1,6}[a-z]?|[A-Za-z]|\*{1,3}|[†‡§]|[a-z]{1,12}[ \u00a0]\d{1,5})\]/y;
const BRACE = /\{(\d{1,6}[a-z]?)\}/y;
const PAREN = /\((\d{1,6})\)/y;
const TEX_COMMAND_BEFORE = /\\[\p{L}@]+$/u;
const TRIGGER = /[\d[{(*\u2217†‡⁰¹²³⁴⁵⁶⁷⁸⁹]/g;

/** The number at i ends a dotted number: "5.12." before it (a whole token), or "2." opening the line. */
function dottedBefore(text: string, i: number): boolean {
  let k = i;
  while (k > 0 && (isDigit(text.charCodeAt(k - 1)) || text[k - 1] === '.') && i - k < 16) k--;
  const token = text.slice(k, i);
  if (k > 0 && !/\s/.test(text[k - 1])) return false;
  return /^\d+(?:\.\d+)+\.$/.test(token) || (/^\d{1,2}\.$/.test(token) && text.slice(0, k).trim() === '');
}

const OCR_SYMBOLS = /[}®†!?*‘]/;

/** The candidate marks of one line, in order. */
export function marksOf(text: string): Mark[] {
  const out: Mark[] = [];
  const n = text.length;
  const gluedAt = (i: number) => i > 0 && (isLetterCode(text.charCodeAt(i - 1)) || GLUE_AFTER.has(text[i - 1]));
  TRIGGER.lastIndex = 0;
  for (let t = TRIGGER.exec(text); t; t = TRIGGER.exec(text)) {
    let i = t.index;
    const ch = text[i];
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      let j = i;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const digits = text.slice(i, j);
      const after = j < n ? text.charCodeAt(j) : -1;
      // not a mark: 21st, 2.4, 384,000, 50%, 3x, 1917-18
      const nextOk = after === -1 || !(isDigit(after) || isLetterCode(after) || after === 37 || after === 176 || ((after === 46 || after === 44 || after === 58 || after === 45 || after === 47) && isDigit(text.charCodeAt(j + 1))));
      const prevDigit = i > 0 && isDigit(text.charCodeAt(i - 1));
      if (digits.length <= 6 && !digits.startsWith('0') && !prevDigit) {
        const label = parseLabel(digits)!;
        // "5.12.1 When…", "version 1.2.3": the last number of a dotted section or version number
        const dotted = text[i - 1] === '.' && (j === n || /\s/.test(text[j]) || (text[j] === '.' && (j + 1 === n || /\s/.test(text[j + 1])))) && dottedBefore(text, i);
        // "US$36,254": three digits after "digit + comma" are a figure's thousands, not a mark
        const thousands = digits.length === 3 && text[i - 1] === ',' && i >= 2 && isDigit(text.charCodeAt(i - 2));
        // "release 1.2,", "1.3.x", "Figure 2.1 on", "Section 6.4 [Bash …]": the second part of a
        // version, figure or section number, the sentence going on after it (a mark after a stop
        // ends its sentence: "Chapter 4.16 In")
        const minor = text[i - 1] === '.' && /(?:^|\s)\d{1,2}\.$/.test(text.slice(Math.max(0, i - 5), i)) && /^(?:[.,;:)]| [\p{Ll}[(\d])/u.test(text.slice(j, j + 2));
        if (gluedAt(i) && nextOk && !dotted && !thousands && !minor && !(i >= 1 && /[$£€#@/\\_=+<>-]/.test(text[i - 1]))) {
          // 1871.22: a number after "digit + . or ," is weak; so is one after a letter and a digit-free long word
          // (and one closing a metavariable, "⟨lang2⟩": the number is the name's)
          // (and one after a letter standing alone, a formula's index: "−a12 t", "x2")
          const weak = (i >= 2 && isDigit(text.charCodeAt(i - 2)) && (text[i - 1] === '.' || text[i - 1] === ',')) || digits.length >= 4 || text[j] === '⟩' || (isLetterCode(text.charCodeAt(i - 1)) && (i < 2 || !isLetterCode(text.charCodeAt(i - 2))));
          out.push({ form: 'glued', label, start: i, end: j, distinctive: false, weak });
        } else if (i >= 2 && text[i - 1] === ' ' && digits.length <= 3 && ((/[.,;:!?)”’"]/.test(text[i - 2]) && (j === n || (text[j] === ' ' && /[\p{Lu}“"‘(]/u.test(text[j + 1] ?? '')))) || ((isLetterCode(text.charCodeAt(i - 2)) || /[”’")}]/.test(text[i - 2])) && /^ ?[.,;:)](?:\s|$)/.test(text.slice(j, j + 3))))) {
          // "sentence. 1 Next", "\hbox 10 .", "BibTEX 33 ,", "is active” 7 .": a raised number set off by spaces
          out.push({ form: 'spaced', label, start: i - 1, end: j, distinctive: false, weak: true });
        } else if (text[i - 1] === '}' && digits.length <= 3 && /^ ?[.,;:](?:\s|$)/.test(text.slice(j, j + 3))) {
          // "\pagestyle{fancy}2 :": a raised number after a command's argument, the stop set off
          // from it as the extraction sets off a raised number's
          out.push({ form: 'glued', label, start: i, end: j, distinctive: false, weak: true });
        } else if (i >= 2 && text[i - 1] === ' ' && out.length && out[out.length - 1].end === i - 1 && out[out.length - 1].form === 'glued' && out[out.length - 1].label.value + 1 === label.value && (j === n || /[\s.,;:)]/.test(text[j]))) {
          // "comments).29 30": the next raised number of a pair, set off by a space
          out.push({ form: 'spaced', label, start: i - 1, end: j, distinctive: false, weak: true });
        } else if (i > 0 && text[i - 1] === ' ' && isLower(text[j]) && isLower(text[j + 1]) && !/^(st|nd|rd|th|d|s|am|pm|vo)(?![\p{L}])/u.test(text.slice(j, j + 3))) {
          out.push({ form: 'displaced', label, start: i - 1, end: j, distinctive: false, weak: true });
        }
      }
      i = j - 1;
    } else if (ch === '[') {
      BRACKET.lastIndex = i;
      const m = BRACKET.exec(text);
      const label = m ? parseLabel(m[1]) : undefined;
      // ("\parbox[b]{…}", "\begin{minipage}[t]{…}": a TeX command's optional argument)
      const texOption = m && text[i + m[0].length] === '{' && (TEX_COMMAND_BEFORE.test(text.slice(Math.max(0, i - 40), i)) || text[i - 1] === '}');
      if (m && label && text[i + m[0].length] !== '(' && !texOption) {
        // "protect.*[1]": the star belongs to the mark
        let start = i;
        if (text[i - 1] === '*' && text[i - 2] !== '*') start = i - 1;
        if (text[start - 1] === ' ') start--;
        out.push({ form: 'bracket', label, start, end: i + m[0].length, distinctive: true, weak: false });
        i += m[0].length - 1;
      }
    } else if (ch === '{') {
      BRACE.lastIndex = i;
      const m = BRACE.exec(text);
      // ("\MT@fix@catcode{17}{14}", "\setcounter{page}{3}": a TeX command's argument)
      const texArgument = m && (TEX_COMMAND_BEFORE.test(text.slice(Math.max(0, i - 40), i).replace(/\*$/, '')) || text[i - 1] === '}' || text[i + m[0].length] === '{');
      if (m && !texArgument) {
        const start = text[i - 1] === ' ' ? i - 1 : i;
        out.push({ form: 'brace', label: parseLabel(m[1])!, start, end: i + m[0].length, distinctive: true, weak: false });
        i += m[0].length - 1;
      }
    } else if (ch === '(') {
      PAREN.lastIndex = i;
      const m = PAREN.exec(text);
      // only glued to the word or stop before it: "(1)" after a space opens an enumeration
      // (after a figure too: "250,000(143)")
      if (m && (gluedAt(i) || (i > 0 && isDigit(text.charCodeAt(i - 1)))) && !m[1].startsWith('0')) {
        const after = text[i + m[0].length];
        if (after === undefined || !/[\p{L}\p{N}]/u.test(after)) out.push({ form: 'paren', label: parseLabel(m[1])!, start: i, end: i + m[0].length, distinctive: true, weak: false });
        i += m[0].length - 1;
      }
    } else if (ch === '*' || ch === '\u2217' || ch === '†' || ch === '‡') {
      let j = i + 1;
      if (ch === '*' || ch === '\u2217') while (j < n && j - i < 3 && text[j] === ch) j++;
      const after = j < n ? text.charCodeAt(j) : -1;
      const okAfter = after === -1 || !(text[j] === '*' || text[j] === '\u2217' || text[j] === '[' || isLetterCode(after) || isDigit(after));
      // ‘.*’, “a*b”: a star inside a quoted literal is the literal's
      const quoted = (text[j] === '’' || text[j] === '”') && /[‘“][^\s‘“]*$/.test(text.slice(Math.max(0, i - 40), i));
      // ("\ref*{key}", "\section*": a TeX command's starred form)
      const starred = ch === '*' && TEX_COMMAND_BEFORE.test(text.slice(Math.max(0, i - 40), i));
      if (gluedAt(i) && text[i - 1] !== ']' && okAfter && !quoted && !starred) out.push({ form: 'sym', label: parseLabel(text.slice(i, j))!, start: i, end: j, distinctive: false, weak: false });
      i = j - 1;
    } else if (SUPER.includes(ch)) {
      let j = i;
      while (j < n && SUPER.includes(text[j])) j++;
      // (a run of more than six raised digits is a table of them, "¹²³⁴⁵⁶⁷⁸⁹⁰", not a label)
      const label = parseLabel(String(superValue(text.slice(i, j))));
      if (label && j - i <= 6) out.push({ form: 'super', label, start: i, end: j, distinctive: false, weak: false });
      i = j - 1;
    }
    TRIGGER.lastIndex = i + 1;
  }
  // OCR's misreadings of a raised number: a symbol glued to a word where no sentence ends (an
  // opening quote closing a word, "address‘ was sent", opens nothing)
  // (most lines hold none of those symbols: the lookbehind scan is skipped for them)
  // (a speck OCR read after it, "it.”!_ The", goes with it)
  if (OCR_SYMBOLS.test(text)) for (const m of text.matchAll(/(?<=[\p{L}.,;”’")])(?:[}®†]|(?<=\p{L})‘|[!?](?=\s|$|[”"’_])|(?<=[”"’])[!?*])_?(?=[\s.,;:”"’)]|$)/gu)) {
    if (out.some((o) => o.start <= m.index! && o.end > m.index!)) continue;
    // ("opponents! puts": a "!" or "?" before a word in lower case ends no sentence: the likelier mark)
    const end = m.index! + m[0].length;
    // (nor does a symbol no sentence ends with, before a word in lower case: "protest® circulated")
    const midSentence = (/[!?]_?$/.test(m[0]) || /^[}®†‘]/.test(m[0])) && /^[\s”"’]*\p{Ll}/u.test(text.slice(end));
    // (nor is a "?" after a quotation closed after its stop, "the matter.”?", or after the stop
    // itself, "was broken up.?": no sentence ends twice)
    const closed = /[.,;:!?][”"’]?$/.test(text.slice(Math.max(0, m.index! - 2), m.index));
    out.push({ form: 'ocr', label: OCR_UNKNOWN, start: m.index!, end, distinctive: false, weak: !midSentence && !closed, likely: OCR_LIKELY[m[0][0]], glyph: m[0][0] });
  }
  // (and one OCR set apart by a space after a closed quotation: "dispersed.” ?", "questioned.” *" —
  // no sentence ends twice)
  if (OCR_SYMBOLS.test(text)) for (const m of text.matchAll(/(?<=[.,;!?][”"’]) ([}®†!?*])(?=\s|$)/gu)) {
    if (out.some((o) => o.start <= m.index! && o.end > m.index!)) continue;
    out.push({ form: 'ocr', label: OCR_UNKNOWN, start: m.index!, end: m.index! + m[0].length, distinctive: false, weak: true, doubtful: true, likely: OCR_LIKELY[m[1]], glyph: m[1] });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * What OCR's symbols stood for, by their shape: a raised 1 read as "!" (25 of 25 such in the
 * corpus's and held-out OCR), a raised 2 as "?" (23 of 32); a hint for the order, no label.
 */
const OCR_LIKELY: Record<string, string> = { '!': '1', '?': '2' };

/** The label of a mark OCR misread: matched by order, never by label. */
export const OCR_UNKNOWN: Label = { text: '\u0000ocr', kind: 'sym', value: 0, family: 'ocr' };
