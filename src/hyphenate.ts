import { createRequire } from 'node:module';

// The `hyphen` package ships TeX's hyphenation patterns. It is CommonJS, so it is
// loaded through require; its HTML skipping is turned off (plain text is hyphenated).
const require = createRequire(import.meta.url);
type Hyphenator = (text: string) => string;
const createHyphenator = require('hyphen') as (patterns: unknown, options: object) => Hyphenator;

const cache = new Map<string, Hyphenator>();
// a language's patterns by its tag; where the package names them by spelling or script, the usual one
const ALIASES: Record<string, string> = { en: 'en-gb', de: 'de-1996', 'de-ch': 'de-ch-1901', el: 'el-monoton', mn: 'mn-cyrl', sr: 'sr-cyrl', zh: 'zh-latn-pinyin' };
const missing = new Set<string>();

/** A hyphenator for a language, marking break points with `mark` (soft hyphen by default); none where the package has no patterns. */
export function hyphenator(language: string, mark = '\u00ad'): Hyphenator | undefined {
  const tag = language.toLowerCase();
  for (const name of [ALIASES[tag], tag, ALIASES[tag.split('-')[0]], tag.split('-')[0]]) {
    if (!name || missing.has(name) || !/^[a-z]{2,3}(?:-[a-z0-9]+)*$/.test(name)) continue;
    const key = `${name}|${mark}`;
    let h = cache.get(key);
    if (!h) {
      let patterns: unknown;
      try {
        patterns = require(`hyphen/patterns/${name}.js`);
      } catch {
        missing.add(name);
        continue;
      }
      h = createHyphenator(patterns, { hyphenChar: mark, html: false, minWordLength: 4 });
      cache.set(key, h);
    }
    return h;
  }
  return undefined;
}

// Words recur: each word's break points are worked out once per process.
const pointsCache = new Map<string, Set<number>>();

/** The offsets inside a word where the language's patterns allow a break. */
export function breakPoints(word: string, language: string): Set<number> {
  const key = `${language}|${word}`;
  const known = pointsCache.get(key);
  if (known) return known;
  const out = new Set<number>();
  pointsCache.set(key, out);
  for (const lang of language.startsWith('en') ? ['en-gb', 'en-us'] : [language]) {
    const h = hyphenator(lang, '|');
    if (!h) continue;
    let at = 0;
    for (const part of h(word).split('|').slice(0, -1)) out.add((at += part.length));
  }
  return out;
}
