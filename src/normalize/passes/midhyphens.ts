// A wrap the copy has lost can leave its hyphen inside a line: "keeps it in the ware- house"
// (a page transcribed from a printed book, its line ends turned into spaces by the browser).
// The break is mended only on evidence — the text writes the word whole or the compound with
// its hyphen elsewhere, or (in English) the word list knows the word whole. A hyphen before a
// word the evidence does not join it to is a suspended compound ("pre- and post-war",
// "Haftungs- und") and stays as written; so does a letter on either side ("e- f g", notes of a
// scale), and a word the list knows is joined only where the language's patterns would break it.
import type { NormState } from '../types.ts';
import { decideHyphen } from '../hyphenation.ts';
import { buildLexicon } from '../lexicon.ts';
import { breakPoints } from '../../hyphenate.ts';

const BROKEN = /(?<![\p{L}\p{M}\d-])([\p{L}\p{M}]+)- (\p{Ll}[\p{L}\p{M}]*)/gu;

/** The text with each evidenced mid-line break mended; `mended` collects what was done and why. */
export function mendMidlineHyphens(text: string, lexicon: Map<string, number>, language: string, mended: { from: string; to: string; why: string }[]): string {
  if (!text.includes('- ')) return text;
  return text.replace(BROKEN, (m, left: string, right: string) => {
    const a = left.toLowerCase();
    const b = right.toLowerCase();
    if (a.length < 2 || b.length < 2) return m;
    const d = decideHyphen(left, right, lexicon, language);
    // only the sure decisions that rest on the word itself: joined, or written with its hyphen elsewhere
    if (!d.sure || (d.keep && !((lexicon.get(`${a}-${b}`) ?? 0) > 0))) return m;
    if (!d.keep && !((lexicon.get(a + b) ?? 0) > 0) && !breakPoints(a + b, language).has(a.length)) return m;
    const to = d.keep ? `${left}-${right}` : left + right;
    mended.push({ from: m, to, why: d.why });
    return to;
  });
}

export function midHyphens(s: NormState): void {
  const language = s.sidecar.meta.language ?? 'en';
  let lexicon = s.lexicon;
  const mend = (text: string, lines: number[]) => {
    if (!text.includes('- ')) return text;
    // a structured original has no lexicon of its lines: its blocks give one
    if (!lexicon.size) lexicon = buildLexicon([...s.blocks.map((b) => b.text), ...s.notes.map((n) => n.text)]);
    const mended: { from: string; to: string; why: string }[] = [];
    const out = mendMidlineHyphens(text, lexicon, language, mended);
    for (const c of mended) s.changes.push({ kind: 'midline-hyphen', lines, from: c.from, to: c.to, why: `a hyphen left inside a line by a lost wrap: ${c.why}` });
    return out;
  };
  for (const b of s.blocks) if (b.kind !== 'code' && b.kind !== 'row') b.text = mend(b.text, b.lines);
  for (const n of s.notes) n.text = mend(n.text, n.lines);
}
