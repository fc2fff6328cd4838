import { createRequire } from 'node:module';


/**
 * Counts the words the text itself uses, whole (hyphenated compounds as one token, and
 * each of their parts). A word broken at a line end is left out: its fragments are not
 * evidence of anything. The text's own usage decides before any dictionary.
 */
export function buildLexicon(lines: readonly string[]): Map<string, number> {
  const lex = new Map<string, number>();
  // The fragment before a line-end hyphen goes first; then one split with a plain
  // character class (letters of the Latin, Greek and Cyrillic blocks and beyond), which
  // V8 runs far faster than \p{L}.
  const text = lines.join('\n').toLowerCase().replace(/[^\s\-]+-[ \t]*\n/g, '\n');
  for (const raw of text.split(NOT_WORD)) {
    if (!raw) continue;
    const w = raw.replace(EDGES, '').replace(/’/g, "'");
    if (!w) continue;
    lex.set(w, (lex.get(w) ?? 0) + 1);
    if (w.includes('-')) for (const part of w.split('-')) if (part) lex.set(part, (lex.get(part) ?? 0) + 1);
  }
  return lex;
}

const NOT_WORD = /[^a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff\u3040-\u9fff'’\-]+/;
const EDGES = /^['’\-]+|['’\-]+$/g;

let dictionary: Set<string> | undefined;

/** A general English word list, used only where the text gives no evidence of its own. */
export function englishWords(): Set<string> {
  if (!dictionary) {
    const require = createRequire(import.meta.url);
    dictionary = new Set(require('an-array-of-english-words/index.json') as string[]);
  }
  return dictionary;
}
