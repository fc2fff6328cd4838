import type { NormState } from '../types.ts';
import { buildLexicon } from '../lexicon.ts';

/** Splits the decoded text into numbered lines and counts the text's own words. */
export function lines(s: NormState, text: string): void {
  // CR LF and a lone CR end lines too (decoding a file already makes them LF; a caller of
  // normalize() may not have)
  const physical = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  // A final newline ends the last line; it does not start another.
  if (physical.length > 1 && physical[physical.length - 1] === '') physical.pop();
  s.raw = physical.map((t, i) => ({ no: i + 1, text: t }));
  s.lexicon = buildLexicon(physical);
}
