// A source read with its structure (HTML, EPUB, PDF) already has its blocks and notes; of the
// chain it needs what follows the structure: notes numbered, metadata, the sidecar's errata,
// house typography. The same emit writes the same Markdown model.
import type { NormState, Sidecar } from './types.ts';
import type { ReadDocument } from '../readers/types.ts';
import { numbering } from './passes/numbering.ts';
import { meta } from './passes/meta.ts';
import { errata } from './passes/errata.ts';
import { typography } from './passes/typography.ts';
import { midHyphens } from './passes/midhyphens.ts';
import { emit } from './emit.ts';
import type { Normalized } from './chain.ts';
import { takeOutControls } from './controls.ts';

const PASSES: [string, (s: NormState) => void][] = [
  ['numbering', numbering],
  ['meta', meta],
  ['errata', errata],
  ['mid-hyphens', midHyphens],
  ['typography', typography],
];

export function normalizeRead(doc: ReadDocument, sidecar: Sidecar = { meta: {} }): Normalized {
  const s: NormState = {
    raw: [], items: [], blocks: doc.blocks, bodies: doc.bodies, notes: [], meta: { ...doc.meta }, sidecar, mode: 'lines', measure: 0,
    lexicon: new Map(), changes: [...doc.changes], doubts: [...doc.doubts], pageLabels: [],
  };
  // an original's text may carry control characters too (a PDF's unmapped glyphs): out, and counted
  let controls = 0;
  const clean = (t: string) => {
    const [c, n] = takeOutControls(t);
    controls += n;
    return c;
  };
  for (const b of s.blocks) b.text = clean(b.text);
  for (const b of s.bodies) b.text = clean(b.text);
  if (controls) s.changes.push({ kind: 'control-characters', lines: [], why: `${controls} control character${controls === 1 ? '' : 's'} taken out (glyphs the original could not map to text)` });
  for (const [, fn] of PASSES) fn(s);
  // what the original only hints at fills what neither the text's head nor the sidecar gave
  for (const [k, v] of Object.entries(doc.hints)) if (s.meta[k] === undefined) s.meta[k] = v;
  // nothing names the book (its metadata a placeholder, no <title>): its first main heading does
  if (s.meta.title === undefined) {
    const h = s.blocks.slice(0, 12).find((b) => b.kind === 'heading' && (b.level ?? 1) === 1 && /\p{L}{2}/u.test(b.text));
    if (h) {
      s.meta.title = h.text.replace(/[\uE002\uE003]/g, '').trim();
      s.changes.push({ kind: 'title-from-heading', lines: h.lines.slice(0, 1), to: `title: ${s.meta.title}`, why: 'the original names no title: its first main heading is taken' });
    }
  }
  return { markdown: emit(s), state: s };
}
