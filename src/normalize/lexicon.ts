import { createRequire } from 'node:module';

const SEPARATORS = /[^\p{L}\p{M}'-]+/u;

/**
 * Counts the words the text itself uses, whole (hyphenated compounds as one token, and
 * each of their parts). A word broken at a line end is counted as its two fragments,
 * which never outvote a real word: the text's own usage decides before any dictionary.
 */
export function buildLexicon(lines: readonly string[]): Map<string, number> {
  const lex = new Map<string, number>();
  const add = (w: string) => lex.set(w, (lex.get(w) ?? 0) + 1);
  const text = lines.join('\n').toLowerCase().replace(/’/g, "'");
  for (const token of text.split(SEPARATORS)) {
    // A fragment that ends with a hyphen was broken at a line end: not evidence of anything.
    if (!token || token.endsWith('-')) continue;
    const w = token.replace(/^['-]+|'+$/g, '');
    if (!w) continue;
    add(w);
    if (w.includes('-')) for (const part of w.split('-')) if (part) add(part);
  }
  return lex;
}

let dictionary: Set<string> | undefined;

/** A general English word list, used only where the text gives no evidence of its own. */
export function englishWords(): Set<string> {
  if (!dictionary) {
    const require = createRequire(import.meta.url);
    dictionary = new Set(require('an-array-of-english-words/index.json') as string[]);
  }
  return dictionary;
}
