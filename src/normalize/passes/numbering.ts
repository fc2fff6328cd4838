import type { Block, NormState, Note } from '../types.ts';
import { NOTE_TOKEN_RE, noteToken } from '../types.ts';

/**
 * Numbers the notes 1… in the order the text first refers to them (notes referred to only
 * from other notes come after, in the order those refer to them). A body nothing refers to
 * is kept, referred to from the end of the paragraph before it (the notes pass reported it).
 */
export function numbering(s: NormState): void {
  const referred = new Set<number>();
  const scan = (t: string) => {
    for (const m of t.matchAll(NOTE_TOKEN_RE)) referred.add(Number(m[1]));
  };
  for (const b of s.blocks) scan(b.text);
  for (const n of s.bodies) scan(n.text);
  for (const body of s.bodies) {
    if (referred.has(body.id) || !s.blocks.length) continue;
    const at = lastBlockBefore(s.blocks, body.after);
    s.blocks[at].text = s.blocks[at].text.replace(/\s*$/, '') + noteToken(body.id);
    referred.add(body.id);
  }
  const number = new Map<number, number>();
  const notes: Note[] = [];
  const visit = (t: string) => {
    for (const m of t.matchAll(NOTE_TOKEN_RE)) {
      const id = Number(m[1]);
      if (number.has(id) || !s.bodies[id]) continue;
      const body = s.bodies[id];
      number.set(id, notes.length + 1);
      notes.push({ id: notes.length + 1, text: body.text, lines: body.lines, label: body.label });
    }
  };
  for (const b of s.blocks) visit(b.text);
  for (let k = 0; k < notes.length; k++) visit(s.bodies.find((x) => number.get(x.id) === notes[k].id)!.text);
  const renumber = (t: string) => t.replace(NOTE_TOKEN_RE, (_m, id: string) => noteToken(number.get(Number(id)) ?? 0));
  for (const b of s.blocks) b.text = renumber(b.text);
  for (const n of notes) n.text = renumber(n.text);
  for (const n of notes) {
    const body = s.bodies.find((x) => number.get(x.id) === n.id);
    if (body?.lines.length) s.changes.push({ kind: 'link-note', lines: body.lines.slice(0, 1), from: body.label, to: String(n.id) });
  }
  s.notes = notes;
}

/** The last block of text before a raw line (a code block shows no note references: skipped). */
function lastBlockBefore(blocks: Block[], line: number): number {
  let at = -1;
  blocks.forEach((b, i) => {
    if (b.lines[0] < line && b.kind !== 'code') at = i;
  });
  return at >= 0 ? at : Math.max(0, blocks.findIndex((b) => b.kind !== 'code'));
}
