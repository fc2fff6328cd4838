import type { Item, NoteBody, NormState } from '../types.ts';
import { lineLabel, refCandidates, type LineLabel } from '../notelabels.ts';
import { joinLine } from '../join.ts';

type TextItem = Extract<Item, { kind: 'text' }>;
interface Chunk {
  /** Indexes into items of the chunk's text lines, in order. */
  idx: number[];
  page: number;
  /** Only blank lines stand between the chunk and a page break (or the end of a paged text). */
  foot: boolean;
}

const NOTES_HEADING = /^(notes|footnotes|endnotes|references|notes and references|sources)\s*:?$/i;
const BACKLINK = /\s*(?:↩\uFE0E?|↑|\^)\s*$/u;
const INLINE_SPLIT = /(?:\u00a0[ \u00a0]*|[ ]{2,})(?=(?:\[\d{1,3}\]|\*{1,3}) )/;
const softEnd = (t: string) => / $/.test(t) || /[\p{L}]-$/u.test(t) || /—$/.test(t);

function chunksOf(items: Item[]): Chunk[] {
  const out: Chunk[] = [];
  let page = 0;
  let cur: Chunk | undefined;
  const paged = items.some((x) => x.kind === 'page');
  items.forEach((it, i) => {
    if (it.kind === 'text') {
      if (!cur) out.push((cur = { idx: [], page, foot: false }));
      cur.idx.push(i);
    } else {
      if (it.kind === 'page') page++;
      cur = undefined;
    }
  });
  // A chunk followed only by blank lines and then a page break stands at the page foot.
  for (let c = 0; c < out.length; c++) {
    const last = out[c].idx[out[c].idx.length - 1];
    let j = last + 1;
    while (j < items.length && items[j].kind === 'blank') j++;
    if (j >= items.length ? paged : items[j].kind === 'page') out[c].foot = true;
  }
  return out;
}

/**
 * Finds footnote bodies — at page feet, in an end-of-text notes list, or after the
 * paragraph (e-texts) — takes them out of the text stream, and keeps them as notes.
 * A plain-number label counts only when the text earlier refers to that number and the
 * labels follow in sequence; bracketed and starred labels are distinctive on their own.
 */
export function bodies(s: NormState): void {
  const items = s.items;
  const chunks = chunksOf(items);
  const text = (i: number) => (items[i] as TextItem).text;

  // Where each reference number is first seen, to vouch for plain-number labels.
  const firstRef = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.kind !== 'text' || lineLabel(it.text)) return;
    for (const c of refCandidates(it.text)) if (!firstRef.has(c.label)) firstRef.set(c.label, i);
  });
  const referredBefore = (lab: LineLabel, at: number) => (firstRef.get(lab.label) ?? Infinity) < at;

  // The end-of-text notes list: a run of labelled chunks at the very end.
  const trailing = new Set<number>();
  for (let c = chunks.length - 1; c >= 0; c--) {
    const first = lineLabel(text(chunks[c].idx[0]));
    if (!first) break;
    trailing.add(c);
  }

  const found: NoteBody[] = [];
  const taken = new Set<number>();
  let lastNum = 0;
  const zoneStyle = (lab: LineLabel) => (lab.style === 'star' ? 'star' : lab.style);

  const acceptZoneStart = (lab: LineLabel, at: number, chunk: Chunk, isTrailing: boolean): boolean => {
    switch (lab.style) {
      case 'bracket':
      case 'gutenberg':
      case 'super':
        return chunk.foot || isTrailing || referredBefore(lab, at);
      case 'star':
        return chunk.foot || referredBefore(lab, at);
      case 'caret':
        return isTrailing;
      case 'digit': {
        if (!(chunk.foot || isTrailing)) return false;
        const inSequence = lab.num === lastNum + 1 || lab.num === 1;
        return inSequence && referredBefore(lab, at);
      }
    }
  };

  chunks.forEach((chunk, c) => {
    const isTrailing = trailing.has(c);
    // The zone starts at the first labelled line that follows a hard line end.
    let start = -1;
    let lab: LineLabel | undefined;
    for (let k = 0; k < chunk.idx.length; k++) {
      const l = lineLabel(text(chunk.idx[k]));
      if (l && (k === 0 || !softEnd(text(chunk.idx[k - 1]))) && acceptZoneStart(l, chunk.idx[k], chunk, isTrailing)) {
        start = k;
        lab = l;
        break;
      }
      if (!chunk.foot && !isTrailing) break;
    }
    if (start < 0 || !lab) return;
    const style = zoneStyle(lab);
    let cur: { label: LineLabel; parts: TextItem[] } | undefined;
    const open: { label: LineLabel; parts: TextItem[] }[] = [];
    let prevNum = lab.num !== undefined ? lab.num - 1 : lastNum;
    for (let k = start; k < chunk.idx.length; k++) {
      const it = items[chunk.idx[k]] as TextItem;
      // Several bodies on one line, set apart by a no-break space or a wide gap.
      const pieces = it.text.split(INLINE_SPLIT);
      for (const piece of pieces) {
        const l = lineLabel(piece);
        const fits =
          l &&
          (!cur || !softEnd(cur.parts[cur.parts.length - 1].text) || l.style !== 'digit') &&
          (l.style === 'star' ||
            (l.style === style && (style !== 'digit' || l.num === prevNum + 1)) ||
            (style === 'star' && l.style === 'bracket'));
        if (fits && l) {
          cur = { label: l, parts: [{ ...it, text: l.rest }] };
          open.push(cur);
          if (l.num !== undefined) prevNum = l.num;
        } else if (cur) cur.parts.push({ ...it, text: piece });
      }
      taken.add(chunk.idx[k]);
    }
    for (const b of open) {
      let body = b.parts[0].text;
      for (let k = 1; k < b.parts.length; k++) body = joinLine(s, body, b.parts[k].text, [b.parts[k - 1].no, b.parts[k].no]);
      let clean = body.trim();
      if (b.label.style === 'gutenberg') clean = clean.replace(/\]\s*$/, '');
      if (BACKLINK.test(clean)) {
        s.changes.push({ kind: 'remove-backlink', lines: [b.parts[b.parts.length - 1].no], from: clean.match(BACKLINK)![0].trim(), why: 'a web notes list’s link back to the reference' });
        clean = clean.replace(BACKLINK, '');
      }
      const lines = b.parts.map((p) => p.no);
      found.push({ label: b.label.style === 'caret' ? String(found.filter((f) => f.page === -1).length + 1) : b.label.label, text: clean, lines, page: isTrailing && !chunk.foot ? -1 : chunk.page, after: lines[0] });
      s.changes.push({ kind: 'move-note-body', lines, from: `${b.label.label}`, why: isTrailing ? 'notes list at the end of the text' : chunk.foot ? 'footnote at the foot of a page' : 'note after its paragraph' });
      if (b.label.num !== undefined && b.label.style === 'digit') lastNum = b.label.num;
    }
    // A "Notes" heading right before an end-of-text list goes with it.
    if (isTrailing && c > 0 && !trailing.has(c - 1)) {
      const prev = chunks[c - 1];
      if (prev.idx.length === 1 && NOTES_HEADING.test(text(prev.idx[0]).trim())) {
        taken.add(prev.idx[0]);
        s.changes.push({ kind: 'remove-notes-heading', lines: [items[prev.idx[0]].no], from: text(prev.idx[0]).trim() });
      }
    }
  });
  s.bodies = found;
  s.items = items.filter((_, i) => !taken.has(i));
}
