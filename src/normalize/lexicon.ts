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

/** A sorted word list held as one string and an offsets array: cheap for the garbage collector, which would otherwise mark 275,000 strings on every major collection. */
export class WordList {
  private constructor(
    private readonly words: string,
    private readonly starts: Int32Array,
  ) {}

  static of(list: string[]): WordList {
    const sorted = [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const starts = new Int32Array(sorted.length + 1);
    let at = 0;
    sorted.forEach((w, i) => {
      starts[i] = at;
      at += w.length + 1;
    });
    starts[sorted.length] = at;
    return new WordList(`${sorted.join('\n')}\n`, starts);
  }

  /** Words sorted and distinct, one per line, with each one's offset (made by the compile step). */
  static ofPrebuilt(words: string, starts: Int32Array): WordList {
    return new WordList(words, starts);
  }

  /** A JSON array of words already sorted and distinct, without escapes; undefined otherwise. */
  static ofSortedText(json: string): WordList | undefined {
    const body = json.trim();
    if (!body.startsWith('["') || !body.endsWith('"]') || body.includes('\\')) return undefined;
    const words = `${body.slice(2, -2).replaceAll('","', '\n')}\n`;
    let n = 0;
    for (let i = words.indexOf('\n'); i !== -1; i = words.indexOf('\n', i + 1)) n++;
    const starts = new Int32Array(n + 1);
    for (let i = words.indexOf('\n'), k = 1; i !== -1; i = words.indexOf('\n', i + 1)) starts[k++] = i + 1;
    const list = new WordList(words, starts);
    // sorted and distinct, checked at a sample of places (a full check costs more than the read)
    for (let k = 1; k < n; k += 997) if (list.at(k - 1) >= list.at(k)) return undefined;
    return list;
  }

  private at(k: number): string {
    return this.words.slice(this.starts[k], this.starts[k + 1] - 1);
  }

  has(word: string): boolean {
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = this.words.slice(this.starts[mid], this.starts[mid + 1] - 1);
      if (w === word) return true;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

let dictionary: WordList | undefined;

/** A general English word list, used only where the text gives no evidence of its own. */
export function englishWords(): WordList {
  if (!dictionary) {
    // compiled with the command (scripts/compile.mjs): read as it is
    const pre = join(codeDir, 'words.txt');
    if (existsSync(pre)) {
      const idx = readFileSync(join(codeDir, 'words.idx'));
      dictionary = WordList.ofPrebuilt(readFileSync(pre, 'utf8'), new Int32Array(idx.buffer, idx.byteOffset, idx.byteLength / 4));
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
