import { TAG_TOKEN_RE, type NormState } from '../types.ts';
import { englishWords } from '../lexicon.ts';

// Letter-spaced emphasis, as typewritten and Russian editions set it: "the s m a s h i n g".
const SPACED = /(?<![\p{L}])((?:[\p{L}] ){3,}[\p{L}])(?![\p{L}])/gu;

const MAYBE_SPACED = / \S \S \S /;

/** Emphasis the source shows by other means becomes Markdown emphasis: letter-spacing, _underscores_. */
export function emphasis(s: NormState): void {
  const known = (w: string) => (s.lexicon.get(w.toLowerCase()) ?? 0) > 0 || englishWords().has(w.toLowerCase());
  const fix = (text: string, lines: number[]) => {
    let out = !MAYBE_SPACED.test(text) ? text : text.replace(SPACED, (m, spaced: string) => {
      const word = spaced.replace(/ /g, '');
      if (word.length < 4 || !known(word)) return m;
      s.changes.push({ kind: 'emphasis-letterspaced', lines, from: spaced, to: `*${word}*` });
      return `\uE002${word}\uE003`;
    });
    // a transcription's tags: <i>, <b>, <em>, <g> (letter-spaced), <f> (another face) are emphasis; <sc> (small capitals) keeps its words
    if (out.includes('\uE008')) out = out.replace(TAG_TOKEN_RE, '<$1>');
    if (out.includes('<')) {
      out = out.replace(/<(i|b|em|strong|g|u|f)>([\s\S]*?)<\/\1>/gi, (_m, tag: string, inner: string) => {
        s.changes.push({ kind: 'emphasis-tag', lines, from: `<${tag}></${tag}>`, to: '*' });
        return inner.trim() ? `\uE002${inner}\uE003` : inner;
      });
      out = out.replace(/<\/?sc>/gi, (m) => {
        s.changes.push({ kind: 'small-capitals-tag', lines, from: m });
        return '';
      });
    }
    if (out.includes('_')) out = out.replace(/(?<![\p{L}\p{N}_])_([^_\n]{1,200}?)_(?![\p{L}\p{N}_])/gu, (_m, inner: string) => {
      s.changes.push({ kind: 'emphasis-underscore', lines, from: `_${inner}_`, to: `*${inner}*` });
      return `\uE002${inner}\uE003`;
    });
    return out;
  };
  for (const b of s.blocks) if (b.kind !== 'code') b.text = fix(b.text, b.lines);
  for (const n of s.notes) n.text = fix(n.text, n.lines);
}
