import type { Block, NoteBody, NormState, Note } from '../types.ts';
import { DROPPED_REF, noteToken } from '../types.ts';
import { refCandidates, type RefCandidate } from '../notelabels.ts';

interface Placed extends RefCandidate {
  block: number;
  page: number;
}

/** The page a character offset of a block stands on. */
const pageAt = (b: Block, pos: number) => b.page + (b.pageMarks ?? []).filter((m) => m.at > 0 && m.at <= pos).length;

const context = (b: Block, c: { start: number; end: number }) => b.text.slice(Math.max(0, c.start - 30), c.end + 10).replace(/\s+/g, ' ');

/**
 * Links every reference to its body and numbers the notes 1… in reading order.
 * Bodies found at page feet are matched on their own page when the labels restart per
 * page, else in one sequence; without bodies, a run of glued numbers 1, 2, 3… in order
 * is taken as references. Years, counts and ordinals are left alone because they do not
 * fall into that sequence.
 */
export function refs(s: NormState): void {
  const cands: Placed[] = [];
  s.blocks.forEach((b, i) => {
    for (const c of refCandidates(b.text)) cands.push({ ...c, block: i, page: pageAt(b, c.start) });
  });
  const bodies = s.bodies;
  const used = new Set<NoteBody>();
  const match = new Map<Placed, NoteBody | 'missing'>();
  const pageBodies = bodies.filter((b) => b.page >= 0);
  const perPage = new Set(pageBodies.map((b) => `${b.page}:${b.label}`)).size < pageBodies.length || restartsPerPage(pageBodies);
  const bracketNotes = bodies.some((b) => /^\d+$/.test(b.label)) && cands.some((c) => c.style === 'bracket');

  const digitBodies = bodies.filter((b) => b.label !== '*' && !/^[*†‡]+$/.test(b.label));
  const starBodies = bodies.filter((b) => /^[*†‡]+$/.test(b.label));

  if (perPage) {
    for (const c of cands) {
      if (c.style === 'star') continue;
      if (c.style !== 'bracket' && c.style !== 'super' && c.style !== 'glued') continue;
      const onPage = digitBodies.filter((b) => b.page === c.page);
      const exact = onPage.find((b) => !used.has(b) && b.label === c.label);
      if (exact) {
        used.add(exact);
        match.set(c, exact);
        continue;
      }
      if (c.style === 'glued' || c.weak) continue;
      // A body misnumbered on its page: pair by order when the page's counts agree.
      const refsOnPage = cands.filter((o) => o.page === c.page && o.style === c.style);
      const free = onPage.filter((b) => !used.has(b));
      if (free.length && refsOnPage.length === onPage.length) {
        used.add(free[0]);
        match.set(c, free[0]);
        s.doubts.push({ kind: 'note-relabelled', lines: free[0].lines, message: `reference [${c.label}] matched to the page’s body labelled [${free[0].label}] (the page has ${onPage.length} references and ${onPage.length} bodies)` });
      } else if (c.style === 'bracket' && bracketNotes) match.set(c, 'missing');
    }
  } else if (digitBodies.length) {
    let k = 0; // next body in sequence
    for (const c of cands) {
      if (c.style === 'star') continue;
      const expected = digitBodies[k];
      if (expected && c.label === expected.label) {
        used.add(expected);
        match.set(c, expected);
        k++;
        continue;
      }
      if (c.weak || c.num === undefined) continue;
      // A second reference to a note already matched (Wikipedia's "^ a b").
      const again = c.style !== 'glued' ? digitBodies.slice(0, k).find((b) => b.label === c.label) : undefined;
      if (again) {
        match.set(c, again);
        continue;
      }
      if (!expected) continue;
      // A reference to a later body: the bodies skipped have lost their reference.
      const ahead = digitBodies.slice(k + 1, k + 3).findIndex((b) => b.label === c.label);
      if (ahead >= 0 && c.style !== 'glued') {
        k += ahead + 1;
        used.add(digitBodies[k]);
        match.set(c, digitBodies[k]);
        k++;
      }
    }
    if (bracketNotes) for (const c of cands) if (c.style === 'bracket' && !match.has(c)) match.set(c, 'missing');
  } else {
    // No bodies at all: a run 1, 2, 3… of glued or bracketed numbers is the reference sequence.
    const seq: Placed[] = [];
    for (const c of cands) if ((c.style === 'glued' || c.style === 'bracket' || c.style === 'super') && c.num === seq.length + 1) seq.push(c);
    if (seq.length >= 3) for (const c of seq) match.set(c, 'missing');
  }
  // Starred notes: every star on a page refers to the star body at its foot.
  for (const c of cands) {
    if (c.style !== 'star') continue;
    const body = starBodies.find((b) => b.page === c.page && b.label === c.label) ?? starBodies.find((b) => b.page === c.page);
    if (body) {
      used.add(body);
      match.set(c, body);
    }
  }

  // Number the notes in reading order, and rewrite the references.
  const notes: Note[] = [];
  const idOf = new Map<NoteBody, number>();
  const edits = new Map<number, { c: Placed; token: string }[]>();
  const orphanAt = new Map<number, NoteBody[]>();
  for (const b of bodies) if (!used.has(b)) {
    const at = lastBlockBefore(s.blocks, b.lines[0]);
    orphanAt.set(at, [...(orphanAt.get(at) ?? []), b]);
  }
  const addNote = (label: string, text: string, lines: number[]) => {
    const id = notes.length + 1;
    notes.push({ id, text, lines, label });
    return id;
  };
  const policy = s.sidecar.missing_notes ?? 'drop';
  const blockCount = s.blocks.length;
  for (let bi = 0; bi < blockCount; bi++) {
    const inBlock = cands.filter((c) => c.block === bi && match.has(c)).sort((x, y) => x.start - y.start);
    const list: { c: Placed; token: string }[] = [];
    for (const c of inBlock) {
      const m = match.get(c)!;
      const line = s.blocks[bi].lines[0];
      if (m === 'missing') {
        const supplied = s.sidecar.notes?.[c.label];
        if (supplied !== undefined) {
          list.push({ c, token: noteToken(addNote(c.label, supplied, [])) });
          s.changes.push({ kind: 'note-from-sidecar', lines: [line], from: c.label, why: 'the source has no body for this reference; the sidecar gives its text' });
        } else if (policy === 'placeholder') {
          list.push({ c, token: noteToken(addNote(c.label, `The source refers to note ${c.label} here, but its text is not in the source.`, [])) });
          s.doubts.push({ kind: 'ref-without-body', lines: [line], message: `reference ${c.label} (“…${context(s.blocks[bi], c)}…”) has no body: a placeholder note stands in` });
        } else {
          list.push({ c, token: DROPPED_REF });
          s.changes.push({ kind: 'remove-ref-without-body', lines: [line], from: c.label, why: `no body for note ${c.label} in the source: the marker is removed (policy “drop”)` });
          s.doubts.push({ kind: 'ref-without-body', lines: [line], message: `reference ${c.label} (“…${context(s.blocks[bi], c)}…”) has no body: marker removed` });
        }
        continue;
      }
      let id = idOf.get(m);
      if (id === undefined) {
        id = addNote(m.label, m.text, m.lines);
        idOf.set(m, id);
      }
      list.push({ c, token: noteToken(id) });
      s.changes.push({ kind: 'link-note', lines: [line, m.lines[0]], from: c.label, to: String(id) });
    }
    for (const b of orphanAt.get(bi) ?? []) {
      const id = addNote(b.label, b.text, b.lines);
      idOf.set(b, id);
      s.blocks[bi].text = s.blocks[bi].text.replace(/\s*$/, '') + noteToken(id);
      s.doubts.push({ kind: 'body-without-ref', lines: b.lines, message: `note body “${b.label}” (“${b.text.slice(0, 60)}…”) has no reference in the text: kept, and referred to from the end of the paragraph before it` });
    }
    if (list.length) edits.set(bi, list);
  }
  for (const [bi, list] of edits) {
    const b = s.blocks[bi];
    let text = b.text;
    for (const { c, token } of [...list].sort((x, y) => y.c.start - x.c.start)) {
      const after = c.style === 'displaced' ? ' ' : '';
      text = text.slice(0, c.start) + token + after + text.slice(c.end);
    }
    b.text = text;
  }
  s.notes = notes;
}

/** Labels that go back to 1 on a later page restart per page, even if no page repeats one. */
function restartsPerPage(bodies: NoteBody[]): boolean {
  let prev = 0;
  for (const b of bodies) {
    if (!/^\d+$/.test(b.label)) continue;
    const n = Number(b.label);
    if (n <= prev && n === 1) return true;
    prev = n;
  }
  return false;
}

function lastBlockBefore(blocks: Block[], line: number): number {
  let at = 0;
  blocks.forEach((b, i) => {
    if (b.lines[0] < line) at = i;
  });
  return at;
}
