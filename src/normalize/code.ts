// Does a line read as code (a listing, a command, markup) rather than prose? Decided from
// its shape: the share of symbols programs use, brackets and operators at its edges, and
// how few of its words are plain words.

// the symbols code is dense with, as a table over ASCII (asked of every character of a text)
const SYMBOLS = new Uint8Array(128);
for (const c of '{}[]()<>=;\\$#%@|/_*^~&+') SYMBOLS[c.charCodeAt(0)] = 1;
const CODE_START = /^(?:\\[A-Za-z@]+|[({]|#include|#!|\$ |% |>{1,3} |\/\/|--|def |function |return\b|if \(|for \(|while \(|<\/?[a-z][\w-]*[\s>/]|[a-z_][\w.]*\s*=\s|[a-z_][\w-]*\s*\()/;
const CODE_END = /[{};\\]$|^\)+$|\)\)$/;
// A parenthesised phrase or date, its stop inside: with an e-text's emphasis, "(_A Fragment._)", but
// nothing else of code's (a quote mark opening a word is Lisp's, "(s 'how-many-calls?)", and so is
// a question mark closing one)
const PAREN_PHRASE = /^\((?=.*\p{L})(?!.*[\s(]')[\p{L}\p{N}\s_,.;:'’"“”!?–—-]*[.!]_?\)$|^\(\d{3,4}[-–]\d{2,4}\.?\)$/u;
const MAN_PAGE = /^[A-Z][A-Z0-9_.-]*\(\d[a-z]{0,3}\)$/;

export function isCodeLine(line: string): boolean {
  const s = line.trim();
  if (!s) return false;
  // a manual page's name and section, as its running head sets it ("BASH(1)", "PRINTF(3P)")
  if (MAN_PAGE.test(s)) return false;
  // a parenthesised phrase or date set on its own line, "(1790-1826.)", "(_A Fragment._)": prose
  if (PAREN_PHRASE.test(s)) return false;
  let sym = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && SYMBOLS[c]) sym++;
  }
  // no symbol and no code's opening: never code, whatever its words (most lines of prose)
  if (sym === 0 && !CODE_START.test(s) && !/^=\s\S/.test(s)) return false;
  const words = s.split(/\s+/);
  // (a pair joined by a slash and a word broken at the line's end are words too)
  const plain = words.filter((w) => /^[“"‘(]?\p{L}[\p{Ll}’']+(?:\/\p{L}[\p{Ll}’']*)*-?[”"’)]?[.,;:!?]?$/u.test(w)).length;
  // six plain words or more, most of the line: prose, whatever commands it names
  if (plain >= 6 && plain / words.length >= 0.6) return false;
  // a capitalised word alone before a list's stop or comma ("Josephstadt;"): an item of a list
  // of names, not a statement ("Rboolean ask;" is one)
  if (words.length === 1 && plain === 1 && sym === 1 && /^\p{Lu}/u.test(s) && /[;,]$/.test(s)) return false;
  const density = sym / s.length;
  if (CODE_START.test(s) && (sym >= 2 || CODE_END.test(s))) return true;
  // "bit1 = 1", "= 3.14159": an assignment, or its right side split off, with no plain word
  if (plain === 0 && (CODE_START.test(s) || /^=\s\S/.test(s))) return true;
  if (CODE_END.test(s) && density >= 0.06) return true;
  return density >= 0.15 && s.length >= 4;
}

/** Output of a listing (a number, a short token) sits with it without making it prose. */
const neutral = (s: string) => /^[\d.,\s-]{1,12}$/.test(s.trim()) || s.trim().length <= 3;

/**
 * A run of lines (no blank line among them) is a listing when most of its lines read as
 * code and none is a line of prose wrapped to the measure.
 */
export function looksLikeCode(lines: string[], measure: number, isCode: readonly boolean[] = lines.map(isCodeLine)): boolean {
  const judged = lines.flatMap((l, k) => (neutral(l) ? [] : [{ l, code: isCode[k] }]));
  if (!judged.length) return false;
  const code = judged.filter((j) => j.code).length;
  const prose = judged.filter((j) => measure > 0 && j.l.trim().length >= 0.8 * measure && !j.code).length;
  if (prose > 0.2 * judged.length) return false;
  if (judged.length === 1) return code === 1 && /^[\\({$<#]/.test(judged[0].l.trim()) && /[)}>;]\s*$|\s\S+\s/.test(judged[0].l.trim());
  return code >= 0.6 * judged.length;
}

/** A rule of a table drawn with box-drawing characters ("───┼───"). */
const BOX_RULE = /^[\u2500-\u257f+|-]*[\u2500-\u257f][\u2500-\u257f+|\s-]*$/;
/** A sentence of prose: eight words or more, ending as a sentence ends. */
const sentence = (s: string) => s.split(/\s+/).length >= 8 && /[.!?]["”’)]?$/.test(s);

/**
 * In a browser copy, a run of lines whose layout only a preformatted block keeps: a browser
 * drops every other line's leading spaces (a tab there parts a table's cells), so lines set in
 * by spaces from their neighbours, beside code's own evidence (a line of code, a line left
 * open on a bracket, a rule drawn with box characters) and no sentence of prose, are a
 * listing or its output, whatever its words (SQL's "SELECT", "FROM"); so is a table drawn
 * with box characters.
 */
export function preformattedRun(lines: readonly string[], isCode: readonly boolean[]): boolean {
  if (lines.length < 2) return false;
  // a table drawn with box characters, its columns parted by "│", however set in
  if (lines.some((l) => BOX_RULE.test(l.trim())) && lines.every((l) => BOX_RULE.test(l.trim()) || /[\u2502\u2503\u2551]/.test(l))) return true;
  const set = lines.map((l) => /^ {2,}\S/.test(l));
  // (a third of the lines or more: one line set in among a page's menus is no listing)
  const setIn = set.filter(Boolean).length;
  if (setIn < lines.length / 3 || setIn === lines.length) return false;
  if (lines.some((l) => sentence(l.trim()))) return false;
  return lines.some((l, k) => isCode[k] || /[([{]$/.test(l.trim()) || BOX_RULE.test(l.trim()));
}
