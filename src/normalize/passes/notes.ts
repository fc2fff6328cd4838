import type { Item, NoteBody, NormState } from '../types.ts';
import { DROPPED_REF, noteToken } from '../types.ts';
import { JoinedText } from '../join.ts';
import { pageRange, streamOf, type Stream } from '../notes/stream.ts';
import type { Label } from '../notes/labels.ts';
import { MarkIndex, type PlacedMark } from '../notes/markindex.ts';
import { findBlocks, findFeet, findLists, findReadFeet, type Candidate, type Group } from '../notes/zones.ts';
import { assign } from '../notes/assign.ts';
import { nthLabel } from '../notes/labels.ts';
import { stripBacklink } from '../notes/openers.ts';
import { isCodeLine } from '../code.ts';
import { worksLists, type WorksList } from '../notes/bibliography.ts';

type TextItem = Extract<Item, { kind: 'text' }>;
interface Edit {
  m: PlacedMark;
  token: string;
}

/**
 * Footnotes as one problem over the line stream: every place a body could stand (a page
 * foot, a [Footnote] block, a notes list, after a paragraph) and every mark that could refer
 * to one, then the assignment that explains both (notes/assign.ts). The accepted bodies
 * leave the stream; each of their marks becomes a note token in its line, so the lines can
 * be unwrapped with the references in place. Marks of a linked form with no body are
 * dropped and reported; bodies with no mark are kept and reported.
 */
export function notes(s: NormState): void {
  const st = streamOf(s.items, s.mode === 'lines');
  const claimed = new Set<number>();
  const idx = new MarkIndex(st);
  const blocks = findBlocks(st, claimed);
  const inBlocks = new Set(claimed);
  const refersTo = (label: Label, from: number, to: number) => idx.find(label, from, to, (l) => inBlocks.has(l)).some((m) => !m.atStart) || idx.findSplit(st, label, from, to).length > 0;
  const claimedBeforeFeet = new Set(claimed);
  let feet = findFeet(st, claimed, refersTo);
  // feet read by their place only where reading by marks found fewer (an OCR text)
  let readClaims = new Set(claimed);
  let read = findReadFeet(st, readClaims);
  // (there OCR may also have made symbols of the raised numbers on pages whose labels it read:
  // "® Cf. Church Times" is the third note of a foot that opens "1 …", "2 …")
  // (a scanned book's prose, not a program's documentation: a dtx file's numbered listings read
  // as such feet too, and their braces as such symbols)
  const ocrText = read.length >= 2 && read.length >= feet.length && st.lines.filter((l) => isCodeLine(l.text)).length < 0.02 * st.lines.length;
  if (ocrText) {
    claimed.clear();
    for (const l of claimedBeforeFeet) claimed.add(l);
    feet = findFeet(st, claimed, refersTo, true);
    readClaims = new Set(claimed);
    read = findReadFeet(st, readClaims);
  }
  if (read.length < 2 || read.length < feet.length) read = [];
  else {
    // there, a foot whose labels nothing on its page refers to ("*The Anglican authority…",
    // where OCR read the page's raised 1 as "ponents!") is read by its place too
    const idle = feet.filter((g) => g.bodies.every((b) => !b.label || !refersTo(b.label, ...pageRange(st, b.page))));
    if (idle.length) {
      const free = new Set(idle.flatMap((g) => g.bodies.flatMap((b) => b.lines)));
      readClaims = new Set([...claimed].filter((l) => !free.has(l)));
      read = findReadFeet(st, readClaims);
      feet = feet.filter((g) => !idle.includes(g) || !read.some((r) => r.bodies.some((b) => b.lines.some((l) => free.has(l)))));
      const kept = new Set(feet.flatMap((g) => g.bodies.flatMap((b) => b.lines)));
      for (const l of free) if (!kept.has(l)) claimed.delete(l);
    }
    for (const l of readClaims) claimed.add(l);
  }
  const lists = findLists(st, claimed);
  familiesOfUnlabelledLists(lists, idx);
  // a label with nothing after it (a folio taken for a page foot's "1") is no body, nor is one
  // letter or symbol after it (an index's "^^A" read as "^ A"; a formula's "π" under a stray "1")
  const worded = (b: Candidate) => b.pieces.some((p) => /\p{L}{2}|\p{N}/u.test(p.text));
  const found: Group[] = [...blocks, ...feet, ...read, ...lists].map((g) => ({ ...g, bodies: g.bodies.filter(worded) })).filter((g) => g.bodies.length);
  // a list of works cited stays the text's, and the labels it gives are citations, not notes
  const works = worksLists(st);
  const cited = new Set(works.flatMap((w) => w.entries.map((e) => e.label)));
  const worksLines = new Set(works.flatMap((w) => w.entries.flatMap((e) => e.lines)));
  const notNotes = new Set(found.filter((g) => g.bodies.some((b) => worksLines.has(b.lines[0]))));
  const groups = found.filter((g) => !notNotes.has(g));
  const { decisions, links, relabelled } = assign(st, groups, idx, ocrText);
  for (const { body, mark } of relabelled) s.doubts.push({ kind: 'note-relabelled', lines: body.lines.slice(0, 1).map((l) => st.lines[l].no), message: `reference [${mark.label.text}] matched to the page’s body labelled [${body.label?.text}] (the page has as many references as bodies)` });

  const L = st.lines;
  for (const d of decisions) {
    if (d.accepted || d.group.strong || !d.support) continue;
    const first = d.group.bodies[0];
    s.doubts.push({ kind: 'notes-rejected', lines: [L[first.lines[0]].no], message: `${d.group.bodies.length} possible note bodies (“${(first.pieces[0]?.text ?? '').trim().slice(0, 40)}…”) left in the text: ${d.why}` });
  }
  const why = new Map(decisions.map((d) => [d.group.id, d.why]));
  const accepted = new Set(decisions.filter((d) => d.accepted).map((d) => d.group.id));

  // Tokens for the marks: a body's index now, its note number once the text is unwrapped.
  const edits = new Map<number, Edit[]>();
  const addEdit = (m: PlacedMark, token: string) => {
    const list = edits.get(m.line);
    if (list) list.push({ m, token });
    else edits.set(m.line, [{ m, token }]);
  };
  const bodies: NoteBody[] = [];
  const linkedForms = new Set<string>();
  links.forEach(({ body, marks }, id) => {
    const lines = body.lines.map((l) => L[l].no);
    bodies.push({ label: body.label?.text ?? String(id + 1), text: '', lines, page: body.zone === 'foot' ? body.page : -1, after: lines[0], id, zone: body.zone, marks: marks.length });
    for (const m of marks) {
      addEdit(m, noteToken(id));
      linkedForms.add(m.form);
    }
  });
  const taken = new Set<number>();
  for (const { body } of links) for (const l of body.lines) taken.add(l);
  for (const { body } of links) if (body.tail) taken.delete(body.tail.line);
  // Marks of a bracketed form this text uses for notes, left without a body: dropped and reported.
  // (a line of code keeps its brackets: "arr[1]", "\\catcode{17}" index and argue, they refer to nothing)
  const linkedMark = new Set([...edits.values()].flat().map((e) => e.m));
  for (let i = 0; i < L.length; i++) {
    if (taken.has(i) || isCodeLine(L[i].text)) continue;
    for (const m of idx.byLine[i]) {
      if (linkedMark.has(m) || m.atStart || m.label.kind !== 'num' || !linkedForms.has(m.form) || !m.distinctive || (m.form === 'bracket' && cited.has(m.label.text))) continue;
      missing(s, m, L[i].no, L[i].text, addEdit, bodies);
    }
  }
  // No bodies at all: a run 1, 2, 3… of glued or bracketed numbers is the reference sequence —
  // when it is most of the marks of its kind where it runs (picked out of a manual's many
  // numbers, "Section 24.1.", "example1", any 1, 2, 3 would do).
  if (!links.length) {
    // (not glued to a word the text never writes alone: word1 word2 word3 are names, not notes)
    const candidate = (m: PlacedMark) => (m.form === 'glued' || (m.form === 'bracket' && !cited.has(m.label.text)) || m.form === 'super') && !m.doubtful && !m.atStart && m.label.kind === 'num';
    // (bracketed marks may go on from a notes list on another page: "[79]", "[80]", … on a
    // book's second chapter, from its first bracketed number)
    const first = idx.byLine.flat().find((m) => candidate(m) && m.form === 'bracket');
    const runFrom = (start: number, form?: PlacedMark['form']) => {
      const seq: PlacedMark[] = [];
      let among = 0;
      for (let i = 0; i < L.length; i++)
        for (const m of idx.byLine[i]) {
          if (!candidate(m) || (form && m.form !== form)) continue;
          if (m.label.value === start + seq.length) seq.push(m);
          if (seq.length) among++;
        }
      return { seq, among };
    };
    let { seq, among } = runFrom(1);
    if (seq.length < 3 && first && first.label.value > 1) ({ seq, among } = runFrom(first.label.value, 'bracket'));
    // (counted up to the run's last mark: the candidates after it are not among)
    if (seq.length >= 3) {
      const last = seq[seq.length - 1];
      let after = 0;
      for (let i = last.line; i < L.length; i++) for (const m of idx.byLine[i]) if (candidate(m) && (i > last.line || m.start > last.start)) after++;
      if (seq.length >= 0.5 * (among - after)) for (const m of seq) missing(s, m, L[m.line].no, L[m.line].text, addEdit, bodies);
    }
  }
  // what opened each body on its line ("[Footnote 12:", "^ a b", "12."): removed with it, recorded
  const openers = links.map(({ body }) => {
    const p = body.pieces[0];
    return p?.line !== undefined ? L[p.line].text.slice(0, p.from ?? 0).trim() : '';
  });
  applyEdits(st, edits, links.map((x) => x.body));
  links.forEach(({ body, marks }, id) => {
    const b = bodies[id];
    b.text = bodyText(s, body);
    s.changes.push({ kind: 'move-note-body', lines: b.lines, from: openers[id] || (body.label?.text ?? ''), why: `${zoneName(body)}: ${why.get(body.group)}` });
    if (!marks.length) s.doubts.push({ kind: 'body-without-ref', lines: b.lines, message: `note body “${b.label}” (“${b.text.slice(0, 60)}…”) has no reference in the text: kept, and referred to from the end of the paragraph before it` });
  });
  for (const g of groups) {
    if (!accepted.has(g.id) || g.heading === undefined) continue;
    taken.add(g.heading);
    s.changes.push({ kind: 'remove-notes-heading', lines: [L[g.heading].no], from: L[g.heading].text.trim() });
  }
  for (const l of L) (s.items[l.item] as TextItem).text = l.text;
  for (const { body } of links) if (body.tail) (s.items[L[body.tail.line].item] as TextItem).text = body.tail.text;
  const drop = new Set([...taken].map((l) => L[l].item));
  for (const w of works) setWorksList(s, st, w, drop);
  s.bodies = bodies;
  s.items = s.items.filter((_, i) => !drop.has(i));
}

/** Marks become tokens in their lines, and in the body pieces cut from those lines. */
function applyEdits(st: Stream, edits: Map<number, Edit[]>, bodies: Candidate[]): void {
  const piecesOf = new Map<number, { text: string; from: number; set: (t: string) => void }[]>();
  for (const b of bodies) for (const p of b.pieces) {
    if (p.line === undefined || !edits.has(p.line)) continue;
    const list = piecesOf.get(p.line) ?? [];
    list.push({ text: p.text, from: p.from ?? 0, set: (t) => (p.text = t) });
    piecesOf.set(p.line, list);
  }
  const rewrite = (text: string, list: Edit[], from: number, to: number) => {
    let out = text;
    for (const { m, token } of [...list].sort((a, b) => b.m.start - a.m.start)) {
      if (m.start < from || m.end > to) continue;
      // a mark taken with the space before it, and a word right after it ("of [12]a small"):
      // the words stay apart
      const wordAfter = /^[\p{L}\p{N}]/u.test(out.slice(m.end - from)) && /^\s/.test(out.slice(m.start - from));
      const after = m.form === 'displaced' || (m.form === 'spaced' && m.end < out.length) || wordAfter ? ' ' : '';
      out = out.slice(0, m.start - from) + token + after + out.slice(m.end - from);
    }
    return out;
  };
  for (const [line, list] of edits) {
    const l = st.lines[line];
    for (const p of piecesOf.get(line) ?? []) p.set(rewrite(p.text, list, p.from, p.from + p.text.length));
    l.text = rewrite(l.text, list, 0, l.text.length);
  }
}

/**
 * Lists that print no labels (`^ …`, `… ↩︎`) are numbered 1… each; where the text refers to
 * several series ([n 3] and [3]), each list takes the series whose count it matches.
 */
function familiesOfUnlabelledLists(lists: Group[], idx: MarkIndex): void {
  const unlabelled = lists.filter((g) => g.strong && g.bodies.every((b) => !b.opener.label));
  if (unlabelled.length < 2) return;
  const top = new Map<string, number>();
  for (const ms of idx.byLine) for (const m of ms) if (m.form === 'bracket' && m.label.kind === 'num') top.set(m.label.family, Math.max(top.get(m.label.family) ?? 0, m.label.value));
  if (top.size < 2) return;
  const free = new Set(top.keys());
  for (const g of [...unlabelled].sort((a, b) => a.bodies.length - b.bodies.length)) {
    let best: string | undefined;
    for (const f of free) if (best === undefined || Math.abs(top.get(f)! - g.bodies.length) < Math.abs(top.get(best)! - g.bodies.length)) best = f;
    if (best === undefined) break;
    free.delete(best);
    g.bodies.forEach((b, k) => (b.label = nthLabel(k + 1, best)));
  }
}

function zoneName(b: Candidate): string {
  return b.zone === 'foot' ? 'footnote at the foot of a page' : b.zone === 'block' ? 'footnote block' : 'notes list or a note after its paragraph';
}

/** A reference whose body the source lacks: the sidecar's text, a placeholder, or dropped (reported). */
function missing(s: NormState, m: PlacedMark, no: number, line: string, addEdit: (m: PlacedMark, token: string) => void, bodies: NoteBody[]): void {
  const context = line.slice(Math.max(0, m.start - 30), m.end + 10).replace(/\s+/g, ' ');
  const supplied = s.sidecar.notes?.[m.label.text];
  const policy = s.sidecar.missing_notes ?? 'drop';
  if (supplied !== undefined || policy === 'placeholder') {
    const id = bodies.length;
    const text = supplied ?? `The source refers to note ${m.label.text} here, but its text is not in the source.`;
    bodies.push({ label: m.label.text, text, lines: [], page: -1, after: no, id, zone: 'missing', marks: 1 });
    addEdit(m, noteToken(id));
    if (supplied !== undefined) s.changes.push({ kind: 'note-from-sidecar', lines: [no], from: m.label.text, why: 'the source has no body for this reference; the sidecar gives its text' });
    else s.doubts.push({ kind: 'ref-without-body', lines: [no], message: `reference ${m.label.text} (“…${context}…”) has no body: a placeholder note stands in` });
    return;
  }
  addEdit(m, DROPPED_REF);
  s.changes.push({ kind: 'remove-ref-without-body', lines: [no], from: m.label.text, why: `no body for note ${m.label.text} in the source: the marker is removed (policy “drop”)` });
  s.doubts.push({ kind: 'ref-without-body', lines: [no], message: `reference ${m.label.text} (“…${context}…”) has no body: marker removed` });
}

/** A body's text: its lines joined and dehyphenated, paragraphs kept, back-links and closing marks gone. */
function bodyText(s: NormState, b: Candidate): string {
  const paras: string[] = [];
  let cur: JoinedText | undefined;
  let prevNo = 0;
  const end = () => {
    const t = cur?.text().trim();
    if (t) paras.push(t);
    cur = undefined;
  };
  for (const p of b.pieces) {
    if (p.para) {
      end();
      continue;
    }
    if (cur?.length) cur.add(s, p.text, [prevNo, p.no]);
    else cur = new JoinedText(p.text.trim());
    prevNo = p.no;
  }
  end();
  return paras
    .map((t) => stripBacklink(t).replace(/\s*(?:↑|\^)\s*$/u, '').replace(/\*$/, '').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** A list of works as the text's own list: its heading a heading's line, an entry an item on one line. */
function setWorksList(s: NormState, st: Stream, w: WorksList, drop: Set<number>): void {
  const L = st.lines;
  for (const e of w.entries) {
    const text = e.lines.map((l) => L[l].text.trim()).join(' ');
    const first = s.items[L[e.lines[0]].item] as TextItem;
    first.text = text;
    first.itemLabel = '';
    for (const l of e.lines.slice(1)) drop.add(L[l].item);
  }
  const first = w.entries[0];
  s.changes.push({ kind: 'keep-works-list', lines: [L[first.lines[0]].no], from: L[first.lines[0]].text.trim().slice(0, 40), why: `a list of ${w.entries.length} works cited under “${L[w.heading].text.trim()}” (bracketed labels, most entries giving a year, an address or a publisher): kept in the text, an entry an item, its citations as printed` });
}
