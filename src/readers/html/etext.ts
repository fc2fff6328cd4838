// An e-text's frame inside the page: Project Gutenberg's header before its START line and its
// licence after its END line, by the same lines the text chain knows (passes/cruft.ts).
import type { Block, Change, Metadata } from '../../normalize/types.ts';
import { catalogueField, GUTENBERG_END, GUTENBERG_START } from '../../normalize/passes/cruft.ts';

const lineAt = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l.trim()));

/** The catalogue fields (Title, Author, Translator, Language) of an e-text's header, before its START line. */
export function etextCatalogue(blocks: Block[]): Metadata {
  const meta: Metadata = {};
  const start = blocks.findIndex((b) => lineAt(b.text, GUTENBERG_START) >= 0);
  for (const h of blocks.slice(0, start + 1))
    for (const line of h.text.replace(/[\uE002\uE003]/g, '').split('\n')) {
      const f = catalogueField(line);
      if (f) meta[f[0]] ??= f[1];
    }
  return meta;
}

export function dropEtextFrame(blocks: Block[], changes: Change[]): Block[] {
  let out = blocks;
  const start = out.findIndex((b) => lineAt(b.text, GUTENBERG_START) >= 0);
  if (start >= 0) {
    const b = out[start];
    const rest = b.text.split('\n').slice(lineAt(b.text, GUTENBERG_START) + 1).join('\n');
    changes.push({ kind: 'remove-etext-header', lines: out.slice(0, start + 1).flatMap((x) => x.lines.slice(0, 1)), why: 'the e-text’s header, up to its START line' });
    out = [...(rest.trim() ? [{ ...b, text: rest }] : []), ...out.slice(start + 1)];
  }
  const end = out.findIndex((b) => lineAt(b.text, GUTENBERG_END) >= 0);
  if (end >= 0) {
    const b = out[end];
    const keep = b.text.split('\n').slice(0, lineAt(b.text, GUTENBERG_END)).join('\n');
    changes.push({ kind: 'remove-etext-licence', lines: out.slice(end).flatMap((x) => x.lines.slice(0, 1)), why: 'the e-text’s licence, from its END line' });
    out = [...out.slice(0, end), ...(keep.trim() ? [{ ...b, text: keep }] : [])];
  }
  return out;
}
