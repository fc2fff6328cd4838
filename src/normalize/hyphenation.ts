import { englishWords } from './lexicon.ts';
import { breakPoints } from '../hyphenate.ts';

export interface HyphenDecision {
  /** true: the hyphen is part of the word (well-known); false: a line-end break to remove. */
  keep: boolean;
  /** false when the evidence was thin: the report lists these as doubts. */
  sure: boolean;
  why: string;
}

const letters = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/[^\p{L}\p{M}'-]/gu, '');

/**
 * Decides a hyphen at a line end between `left-` and `right`. Both may already be
 * compounds (`social-pac-` + `ifism`, `count-` + `er-revolution`): only the two
 * fragments that meet at the break are judged. The text's own usage comes first
 * (is `high-school` or `highschool` written elsewhere?), then a word list.
 */
export function decideHyphen(left: string, right: string, lexicon: Map<string, number>, language = 'en'): HyphenDecision {
  const a = letters(left).split('-').pop() ?? '';
  const b = (letters(right).split('-')[0] ?? '').replace(/'+$/, '');
  if (!a || !b) return { keep: true, sure: true, why: 'not between two word fragments' };
  if (/^\p{Lu}/u.test(right)) return { keep: true, sure: true, why: 'the continuation starts with a capital' };
  const joined = a + b;
  const hyphened = `${a}-${b}`;
  const usedJoined = lexicon.get(joined) ?? 0;
  const usedHyphened = lexicon.get(hyphened) ?? 0;
  if (usedHyphened > usedJoined) return { keep: true, sure: true, why: `the text writes “${hyphened}” elsewhere` };
  if (usedJoined > 0) return { keep: false, sure: true, why: `the text writes “${joined}” elsewhere` };
  if (!language.startsWith('en')) return { keep: false, sure: false, why: 'no evidence in the text; joined by default' };
  const dict = englishWords();
  const isWord = (w: string) => w.length >= 4 && dict.has(w);
  if (dict.has(joined)) {
    // A typesetter breaks a word only where the hyphenation patterns allow. A break the
    // patterns never make, between two whole words, is the compound's own hyphen (ready-made).
    if (!breakPoints(joined, language).has(a.length) && isWord(a) && isWord(b))
      return { keep: true, sure: false, why: `“${joined}” is a word, but the patterns never break it after “${a}”; “${a}” and “${b}” are words: kept as a compound` };
    return { keep: false, sure: true, why: `“${joined}” is a word` };
  }
  if (isWord(a) && isWord(b)) return { keep: true, sure: true, why: `“${a}” and “${b}” are words, “${joined}” is not` };
  // in a chain of hyphened words a short word is the chain's own ("go-as-you-|please", "up-to-|date")
  if (letters(left).includes('-') && a.length >= 2 && dict.has(a) && isWord(b)) return { keep: true, sure: false, why: `“${letters(left)}” is a chain of hyphened words, “${b}” a word and “${joined}” none: its hyphen kept` };
  return { keep: false, sure: false, why: `no evidence for “${joined}” or “${hyphened}”: joined` };
}
