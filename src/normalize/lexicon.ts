import { createRequire } from 'node:module';

import { isLetterCode } from './letters.ts';

/**
 * Counts the words the text itself uses, whole (hyphenated compounds as one token, and
 * each of their parts). A word broken at a line end is left out: its fragments are not
 * evidence of anything. The text's own usage decides before any dictionary.
 */
export function buildLexicon(lines: readonly string[]): Map<string, number> {
  const lex = new Map<string, number>();
  const add = (w: string) => lex.set(w, (lex.get(w) ?? 0) + 1);
  const text = lines.join('\n').toLowerCase();
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let compound = false;
    // letters, with a hyphen or apostrophe allowed between two letters
    for (;;) {
      while (i < n && isLetterCode(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if ((c === 45 || c === 39 || c === 0x2019) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1))) {
        if (c === 45) compound = true;
        i++;
      } else break;
    }
    // a fragment before a line-end hyphen: skip it
    if (text.charCodeAt(i) === 45 && /^-[ \t]*(\n|$)/.test(text.slice(i, i + 4))) continue;
    const w = text.slice(start, i).replace(/’/g, "'");
    add(w);
    if (compound) for (const part of w.split('-')) add(part);
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
