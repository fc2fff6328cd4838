import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeDir } from '../paths.ts';
import { isLetterCode } from './letters.ts';


/**
 * Counts the words the text itself uses, whole (hyphenated compounds as one token, and
 * each of their parts). A word broken at a line end is left out: its fragments are not
 * evidence of anything. The text's own usage decides before any dictionary.
 */
/** Only spaces or tabs between position i and the end of its line. */
function endsLine(t: string, i: number): boolean {
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function buildLexicon(lines: readonly string[]): Map<string, number> {
  const lex = new Map<string, number>();
  const add = (w: string) => lex.set(w, (lex.get(w) ?? 0) + 1);
  const text = lines.join('\n').toLowerCase().replace(/’/g, "'");
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
      if ((c === 45 || c === 39) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1))) {
        if (c === 45) compound = true;
        i++;
      } else break;
    }
    // a fragment before a line-end hyphen: skip it
    if (text.charCodeAt(i) === 45 && endsLine(text, i + 1)) continue;
    const w = text.slice(start, i);
    add(w);
    if (compound) for (const part of w.split('-')) add(part);
  }
  return lex;
}

/**
 * A sorted word list held as one string, a word a line: cheap for the garbage collector (which
 * would otherwise mark 275,000 strings on every major collection) and ready as read. A lookup is
 * a binary search over the string's positions, each probe widened to the line it falls in.
 */
export class WordList {
  /** Words sorted and distinct, each ended by a newline. */
  private constructor(private readonly words: string) {}

  static of(list: string[]): WordList {
    return new WordList(`${[...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('\n')}\n`);
  }

  /** Words already sorted and distinct, one per line, each ended by a newline (lib/words.txt). */
  static ofLines(words: string): WordList {
    return new WordList(words);
  }

  /** A JSON array of words already sorted and distinct, without escapes; undefined otherwise. */
  static ofSortedText(json: string): WordList | undefined {
    const body = json.trim();
    if (!body.startsWith('["') || !body.endsWith('"]') || body.includes('\\')) return undefined;
    const list = new WordList(`${body.slice(2, -2).replaceAll('","', '\n')}\n`);
    // sorted and distinct, checked at a sample of places (a full check costs more than the read)
    for (let p = 0; p < list.words.length - 1; p += 9973) {
      const [, e] = list.lineAt(p);
      if (e + 1 < list.words.length && list.wordAt(p) >= list.wordAt(e + 1)) return undefined;
    }
    return list;
  }

  /** The line a position falls in: [start, end), end at its newline. */
  private lineAt(p: number): [number, number] {
    return [this.words.lastIndexOf('\n', p - 1) + 1, this.words.indexOf('\n', p)];
  }

  private wordAt(p: number): string {
    const [s, e] = this.lineAt(p);
    return this.words.slice(s, e);
  }

  has(word: string): boolean {
    // lo and hi are always line starts (hi may be the end)
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const [s, e] = this.lineAt((lo + hi) >> 1);
      const w = this.words.slice(s, e);
      if (w === word) return true;
      if (w < word) lo = e + 1;
      else hi = s;
    }
    return false;
  }
}

let dictionary: WordList | undefined;

/** A general English word list, used only where the text gives no evidence of its own. */
export function englishWords(): WordList {
  if (!dictionary) {
    // sorted and distinct, one per line, by the compile step (scripts/compile.mjs)
    const pre = join(codeDir, 'words.txt');
    if (existsSync(pre)) {
      dictionary = WordList.ofLines(readFileSync(pre, 'utf8'));
      return dictionary;
    }
    const require = createRequire(import.meta.url);
    const json = readFileSync(require.resolve('an-array-of-english-words/index.json'), 'utf8');
    // The list is a sorted JSON array of plain words: read it straight into the compact form
    // (no 275,000 strings made and sorted); anything else is parsed and sorted.
    dictionary = WordList.ofSortedText(json) ?? WordList.of(JSON.parse(json) as string[]);

  }
  return dictionary;
}
