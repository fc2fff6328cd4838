// A block that leaves the text (a title or byline moved to the front matter, a caption of a
// missing image, a repeated heading) may carry note references: they are never lost with it,
// but carried to the start of the next block that stays (or the end of the last one), and
// the move is recorded.
import type { Block, NormState } from './types.ts';
import { NOTE_TOKEN_RE } from './types.ts';

export function carryNotes(s: NormState, blocks: Block[], gone: Set<Block>): void {
  blocks.forEach((b, i) => {
    if (!gone.has(b)) return;
    const tokens = b.text.match(NOTE_TOKEN_RE);
    if (!tokens) return;
    const next = blocks.slice(i + 1).find((x) => !gone.has(x) && x.kind !== 'code');
    const prev = [...blocks.slice(0, i)].reverse().find((x) => !gone.has(x) && x.kind !== 'code');
    const to = next ?? prev;
    if (!to) return;
    to.text = next ? `${tokens.join('')}${to.text}` : `${to.text}${tokens.join('')}`;
    s.changes.push({ kind: 'carry-note', lines: [...b.lines, ...to.lines.slice(0, 1)], why: `the note reference of a block that left the text (now front matter or removed), kept at the ${next ? 'start of the next' : 'end of the last'} block` });
  });
}
