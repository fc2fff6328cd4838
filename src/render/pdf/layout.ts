// Break pages: the book's blocks become a vertical list of lines, and the list is cut into
// pages that keep every footnote on the page of its reference (a long note runs on to the
// next page's foot), no widow or orphan lines, and no heading last on a page.
import type { Block, Book, Inline } from '../../model/book.ts';
import { blockText, isListing, plain } from '../../model/book.ts';
import type { Measurer } from './measure.ts';
import { itemsOf, setLines, type Line, type ParStyle } from './paragraph.ts';
import type { PrintSettings } from './settings.ts';
import { setTable } from './table.ts';
import { minOf, pushAll } from '../../collections.ts';

export interface VLine {
  kind: 'line';
  line: Line;
  /** Left offset from the text block's left edge. */
  x: number;
  /** Baseline-to-baseline distance this line takes. */
  h: number;
  /** Paragraph id, index in it and its line count, for widows and orphans. */
  par: number;
  idx: number;
  count: number;
  /** Keep with what follows (headings). */
  keep?: boolean;
  /** A label hung in the left margin of the line (list items). */
  label?: Line;
  /** A rule under the line, this wide (a table's header). */
  rule?: number;
  /** A table row's line: its table's header lines, set again atop a page the table runs on to. */
  head?: VLine[];
  dest?: string;
  outline?: { title: string; level: number };
  chapter: number;
}
type VItem = VLine | { kind: 'space'; h: number } | { kind: 'newpage'; chapter: number };

export interface PlacedLine {
  line: Line;
  x: number;
  y: number;
  label?: Line;
  rule?: number;
  dest?: string;
  outline?: { title: string; level: number };
  /** Where the line sits in its paragraph, for checking widows and orphans. */
  par?: number;
  idx?: number;
  count?: number;
  heading?: boolean;
}

export interface Page {
  body: PlacedLine[];
  /** Footnote lines, top to bottom; `noteStart` marks a note's first line. */
  foot: (PlacedLine & { noteStart?: number })[];
  /** y of the rule above the footnotes, when there are any. */
  ruleY?: number;
  chapter: number;
  opening: boolean;
}

export interface Geometry {
  measure: number;
  textTop: number;
  textBottom: number;
  size: number;
  leading: number;
}

const plainLine = (b: Extract<Block, { kind: 'heading' }>) => plain(b.content);

/** The vertical list of the whole book. */
function vlist(book: Book, s: PrintSettings, m: Measurer, g: Geometry): VItem[] {
  const out: VItem[] = [];
  const lang = book.meta.language;
  const levels = book.chapters.flatMap((c) => c.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { level: number }).level));
  const top = minOf(levels, 1);
  let par = 0;
  const size = g.size;
  const L = g.leading;
  const add = (lines: Line[], h: number, x: number, extra: Partial<VLine> & { chapter: number }) => {
    par++;
    lines.forEach((line, idx) => out.push({ kind: 'line', line, x, h, par, idx, count: lines.length, ...extra, ...(idx > 0 ? { dest: undefined, outline: undefined } : {}) }));
  };
  const style = (o: Partial<ParStyle>): ParStyle => ({ face: 'regular', size, measure: g.measure, indent: 0, language: lang, justify: true, ...o });
  const setPar = (content: Inline[], st: ParStyle) => setLines(itemsOf(content, st, m), st, m);

  // In a pack, pieces are the top of the outline and chapters sit one level under them.
  const depth = book.parts.length ? 1 : 0;
  book.chapters.forEach((ch, ci) => {
    out.push({ kind: 'newpage', chapter: ci });
    let prev: Block['kind'] | 'start' = 'start';
    let underPartHead = false;
    if (ch.part !== undefined && book.chapters.findIndex((c) => c.part === ch.part) === ci) {
      const pt = book.parts[ch.part];
      const plainText = (text: string): Inline[] => [{ kind: 'text', text }];
      out.push({ kind: 'space', h: L * 3 });
      add(setPar(plainText(pt.title), style({ size: size * 1.8, justify: false, measure: g.measure * 0.85 })), size * 1.8 * 1.25, 0, { keep: true, dest: pt.id, outline: { title: pt.title, level: 0 }, chapter: ci });
      if (pt.subtitle) add(setPar(plainText(pt.subtitle), style({ face: 'italic', size: size * 1.05, justify: false })), size * 1.4, 0, { keep: true, chapter: ci });
      if (pt.author) {
        out.push({ kind: 'space', h: L * 0.6 });
        add(setPar(plainText(pt.author), style({ size: size * 1.2, justify: false })), size * 1.5, 0, { keep: true, chapter: ci });
      }
      const line = [pt.original_publication ?? pt.date, pt.translator ? `translated by ${pt.translator}` : '', pt.source ? `Source: ${pt.source}` : ''].filter(Boolean).join(' · ');
      if (line) {
        out.push({ kind: 'space', h: L * 0.6 });
        add(setPar(plainText(line), style({ face: 'italic', size: size * 0.85, justify: false })), size * 0.85 * 1.3, 0, { keep: true, chapter: ci });
      }
      out.push({ kind: 'space', h: L * 1.5 });
      underPartHead = true;
    }
    const walk = (blocks: Block[], ctx: { x: number; measure: number; scale: number }) => {
      for (const b of blocks) {
        const sz = size * ctx.scale;
        const lead = L * ctx.scale;
        if (b.kind === 'heading') {
          const rel = b.level - top;
          const hs = rel === 0 ? size * 1.6 : rel === 1 ? size * 1.15 : size;
          const face = rel >= 2 ? 'italic' : 'regular';
          const lines = setPar(b.content, style({ face, size: hs, justify: false, measure: g.measure * (rel === 0 ? 0.85 : 1) }));
          out.push({ kind: 'space', h: rel === 0 ? (underPartHead ? L : L * 3) : prev === 'start' ? 0 : L * (rel === 1 ? 1.2 : 0.8) });
          add(lines, hs * 1.25, 0, { keep: true, dest: b.id, outline: { title: plainLine(b), level: rel + (ch.part !== undefined ? depth : 0) }, chapter: ci });
          out.push({ kind: 'space', h: rel === 0 ? L * 1.5 : L * 0.4 });
        } else if (b.kind === 'para') {
          const byline = b.content.length === 1 && b.content[0].kind === 'em';
          const listing = isListing(b);
          const indent = prev === 'para' && !byline && !listing ? sz * 1.2 : 0;
          add(setPar(b.content, style({ size: sz, measure: ctx.measure, indent, justify: !listing })), lead, ctx.x, { chapter: ci });
        } else if (b.kind === 'quote') {
          const ind = size * s.quote.indent;
          out.push({ kind: 'space', h: L * 0.5 });
          const inner = { x: ctx.x + ind, measure: ctx.measure - ind, scale: ctx.scale * s.quote.scale };
          const saved = prev;
          prev = 'start';
          walk(b.blocks, inner);
          prev = saved;
          out.push({ kind: 'space', h: L * 0.5 });
        } else if (b.kind === 'list') {
          out.push({ kind: 'space', h: L * 0.3 });
          b.items.forEach((item, n) => {
            const first = item[0];
            const content: Inline[] = first?.kind === 'para' ? first.content : [];
            let label = b.ordered ? `${b.start + n}.` : '•';
            let text = content;
            const head = content[0];
            const lab = head?.kind === 'text' ? /^(\(?[a-z]{1,2}\)|\(?\d{1,3}\)|\(?[ivxlc]{1,5}\))\s+/i.exec(head.text) : null;
            if (lab && head?.kind === 'text') {
              label = lab[1];
              text = [{ kind: 'text', text: head.text.slice(lab[0].length) }, ...content.slice(1)];
            }
            const hang = sz * 1.8;
            const labelLine = setPar([{ kind: 'text', text: label }], style({ size: sz, justify: false, measure: hang }))[0];
            add(setPar(text, style({ size: sz, measure: ctx.measure - hang })), lead, ctx.x + hang, { chapter: ci });
            // the label goes on the item's first line
            for (let k = out.length - 1; k >= 0; k--) {
              const v = out[k];
              if (v.kind === 'line' && v.idx === 0) {
                v.label = labelLine;
                break;
              }
            }
            walk(item.slice(1), { ...ctx, x: ctx.x + hang, measure: ctx.measure - hang });
          });
          out.push({ kind: 'space', h: L * 0.3 });
        } else if (b.kind === 'rule') {
          out.push({ kind: 'space', h: L });
        } else if (b.kind === 'table') {
          // smaller than the text, each row a paragraph of its own (a page may break between rows)
          const ts = sz * 0.9;
          const rows = setTable(b, style({ size: ts, measure: ctx.measure }), m);
          out.push({ kind: 'space', h: L * 0.5 });
          let head: VLine[] | undefined;
          rows.forEach((r, k) => {
            if (k) out.push({ kind: 'space', h: lead * (rows[k - 1].header ? 0.3 : 0.15) });
            add(r.lines, ts * 1.25, ctx.x, { chapter: ci, ...(r.header ? { keep: true } : { head }) });
            if (r.header) {
              (out[out.length - 1] as VLine).rule = r.lines[0].width;
              head = out.slice(out.length - r.lines.length) as VLine[];
            }
          });
          out.push({ kind: 'space', h: L * 0.5 });
        }
        // After a heading, quotation, list, listing or byline the next paragraph is not indented.
        const isByline = b.kind === 'para' && b.content.length === 1 && b.content[0].kind === 'em';
        prev = b.kind === 'para' && !isByline && !isListing(b) ? 'para' : 'start';
      }
    };
    walk(ch.blocks, { x: 0, measure: g.measure, scale: 1 });
  });
  return out;
}

/** Each note set as lines at the note size, its number first. */
function noteLines(book: Book, s: PrintSettings, m: Measurer, g: Geometry): Map<number, Line[]> {
  const size = g.size * s.notes.scale;
  const out = new Map<number, Line[]>();
  for (const [key, note] of book.notes) {
    const lines: Line[] = [];
    note.blocks.forEach((b, bi) => {
      const content: Inline[] = b.kind === 'para' || b.kind === 'heading' ? b.content : [{ kind: 'text', text: blockText(b) }];
      const withLabel: Inline[] = bi === 0 ? [{ kind: 'text', text: `${note.n} ` }, ...content] : content;
      const st: ParStyle = { face: 'regular', size, measure: g.measure, indent: bi === 0 ? 0 : size, language: book.meta.language, justify: true };
      pushAll(lines, setLines(itemsOf(withLabel, st, m), st, m));
    });
    out.set(key, lines);
  }
  return out;
}


/**
 * Cuts the vertical list into pages. Greedy, like TeX's page builder, with the footnotes as
 * insertions: a line is taken if it and the notes it refers to fit (a new note needs at
 * least two of its lines here; the rest may run on), and the break is then moved back to
 * keep headings with their text and to avoid single lines of a paragraph at either side.
 */
export function paginate(book: Book, s: PrintSettings, m: Measurer, g: Geometry): Page[] {
  const items = vlist(book, s, m, g);
  const notes = noteLines(book, s, m, g);
  const noteLead = g.leading * s.notes.scale;
  const sep = g.leading * 0.9; // the space of the rule above the notes
  const avail = g.textBottom - g.textTop;
  const pages: Page[] = [];
  let carry: { note: number; from: number }[] = []; // note lines running on from the page before
  let chapter = 0;
  let i = 0;

  const footHeight = (list: { note: number; from: number; to?: number }[]) => {
    const n = list.reduce((acc, x) => acc + ((x.to ?? notes.get(x.note)!.length) - x.from), 0);
    return n ? sep + n * noteLead : 0;
  };

  let headAt = -1;
  while (i < items.length) {
    // A page starts: skip discardable space and forced breaks at its top.
    let opening = false;
    while (i < items.length && items[i].kind !== 'line') {
      const it = items[i];
      if (it.kind === 'newpage') {
        chapter = it.chapter;
        opening = true;
      }
      if (it.kind === 'space' && opening && it.h > 0) break; // a chapter's sink stays
      i++;
    }
    if (i >= items.length) break;
    // a table that runs on to this page has its header set again above its rows
    const top = items[i];
    if (top.kind === 'line' && top.head) {
      let j = i - 1;
      while (j >= 0 && items[j].kind !== 'line') j--;
      const before = items[j];
      // (not twice before the same row: a page that held only the header gives it up)
      if (before?.kind === 'line' && (before.head === top.head || top.head.includes(before)) && headAt !== i) {
        items.splice(i, 0, ...top.head.map((h): VLine => ({ ...h, dest: undefined, outline: undefined })), { kind: 'space', h: g.leading * 0.3 });
        headAt = i + top.head.length + 1;
      }
    }
    const start = i;
    let used = 0;
    let pageNotes: number[] = [];
    let end = i;
    let k = i;
    for (; k < items.length; k++) {
      const it = items[k];
      if (it.kind === 'newpage') break;
      if (it.kind === 'space') {
        used += it.h;
        end = k + 1;
        continue;
      }
      const fresh = it.line.notes.filter((n) => !pageNotes.includes(n));
      const need = [...carry, ...pageNotes.map((n) => ({ note: n, from: 0 })), ...fresh.slice(0, -1).map((n) => ({ note: n, from: 0 }))];
      const lastFresh = fresh[fresh.length - 1];
      const lastNeed = lastFresh === undefined ? 0 : Math.min(notes.get(lastFresh)!.length, 2) * noteLead + (need.length ? 0 : sep);
      if (used + it.h + footHeight(need) + lastNeed > avail + 0.01 && k > start) break;
      used += it.h;
      pageNotes = [...pageNotes, ...fresh];
      end = k + 1;
    }
    let cut = end;
    if (cut < items.length && items[cut]?.kind !== 'newpage') cut = legalBreak(items, start, cut);
    // the page's notes are those referred to by its lines
    const lines = items.slice(start, cut);
    const refs = lines.flatMap((v) => (v.kind === 'line' ? v.line.notes : []));
    const placed = placeBody(lines, g);
    // foot: run-on lines first, then this page's notes, as far as the space allows
    const bodyH = placed.height;
    let room = avail - bodyH;
    const footList: { note: number; from: number; to: number }[] = [];
    const queue = [...carry, ...[...new Set(refs)].map((n) => ({ note: n, from: 0 }))];
    const nextCarry: { note: number; from: number }[] = [];
    room -= queue.length ? sep : 0;
    for (const q of queue) {
      const total = notes.get(q.note)!.length;
      const fit = Math.max(0, Math.floor((room + 0.01) / noteLead));
      const take = Math.min(total - q.from, fit);
      if (take > 0) footList.push({ note: q.note, from: q.from, to: q.from + take });
      if (q.from + take < total) nextCarry.push({ note: q.note, from: q.from + take });
      room -= take * noteLead;
    }
    carry = nextCarry;
    const foot: Page['foot'] = [];
    const footLines = footList.reduce((n, f) => n + f.to - f.from, 0);
    let y = g.textBottom - footLines * noteLead + noteLead * 0.8;
    for (const f of footList) {
      notes.get(f.note)!.slice(f.from, f.to).forEach((line, j) => {
        foot.push({ line, x: 0, y, noteStart: f.from === 0 && j === 0 ? f.note : undefined });
        y += noteLead;
      });
    }
    pages.push({ body: placed.lines, foot, ruleY: footLines ? g.textBottom - footLines * noteLead - sep * 0.45 : undefined, chapter, opening });
    i = cut;
    // notes still running on when the text is done get pages of their own
    if (i >= items.length || items.slice(i).every((v) => v.kind !== 'line')) {
      while (carry.length) {
        const foot2: Page['foot'] = [];
        let room2 = avail - sep;
        const next2: typeof carry = [];
        for (const q of carry) {
          const total = notes.get(q.note)!.length;
          const take = Math.min(total - q.from, Math.floor(room2 / noteLead));
          for (let j = 0; j < take; j++) foot2.push({ line: notes.get(q.note)![q.from + j], x: 0, y: g.textTop + sep + (foot2.length + 0.8) * noteLead });
          if (q.from + take < total) next2.push({ note: q.note, from: q.from + take });
          room2 -= take * noteLead;
        }
        pages.push({ body: [], foot: foot2, ruleY: g.textTop + sep * 0.5, chapter, opening: false });
        carry = next2;
      }
    }
  }
  return pages;
}

/** Moves a page break back to keep headings with their text and avoid widows and orphans. */
function legalBreak(items: VItem[], start: number, cut: number): number {
  const lineAt = (k: number) => (items[k]?.kind === 'line' ? (items[k] as VLine) : undefined);
  const prevLine = (k: number) => {
    for (let j = k - 1; j >= start; j--) if (items[j].kind === 'line') return j;
    return -1;
  };
  const nextLine = (k: number) => {
    for (let j = k; j < items.length; j++) if (items[j].kind === 'line') return j;
    return -1;
  };
  let b = cut;
  for (let guard = 0; guard < 6; guard++) {
    const before = prevLine(b);
    const after = nextLine(b);
    const lb = lineAt(before);
    const la = lineAt(after);
    let nb = b;
    if (lb?.keep) {
      // a heading must not end a page: take it (and the lines of its own) to the next
      let j = before;
      while (j > start && lineAt(prevLine(j))?.keep) j = prevLine(j);
      nb = j;
    } else if (lb && la && lb.par === la.par) {
      // orphan: one line of a paragraph at the foot
      if (lb.idx === 0) nb = before;
      // widow: one line at the head of the next page
      else if (la.idx === la.count - 1) nb = lb.idx >= 2 ? before : before - lb.idx;
    } else if (lb && la && la.keep === undefined && lb.keep === undefined) {
      // between paragraphs: fine
    }
    // a heading followed by fewer than two lines of its text on this page
    if (nb === b) {
      const lines: VLine[] = [];
      for (let j = start; j < b; j++) if (items[j].kind === 'line') lines.push(items[j] as VLine);
      const lastHead = lines.map((l) => !!l.keep).lastIndexOf(true);
      if (lastHead >= 0 && lines.length - 1 - lastHead < 2 && lastHead < lines.length - 1) {
        let hIdx = items.indexOf(lines[lastHead]);
        while (hIdx > start && lineAt(prevLine(hIdx))?.keep) hIdx = prevLine(hIdx);
        nb = hIdx;
      }
    }
    if (nb <= start || nb === b) break;
    b = nb;
    // give back the space before the moved lines
    while (b > start && items[b - 1].kind === 'space') b--;
  }
  // Like TeX's \brokenpenalty: a page should not end in a hyphenated word when one line
  // fewer leaves no widow or orphan.
  const lastB = lineAt(prevLine(b));
  const nextB = lineAt(nextLine(b));
  if (lastB && nextB && lastB.par === nextB.par && lastB.line.fragments[lastB.line.fragments.length - 1]?.soft && lastB.idx >= 2) b = prevLine(b);
  return b > start ? b : cut;
}

function placeBody(lines: VItem[], g: Geometry): { lines: PlacedLine[]; height: number } {
  const out: PlacedLine[] = [];
  let y = g.textTop;
  let first = true;
  for (const v of lines) {
    if (v.kind === 'space') {
      if (!first) y += v.h;
      else if (v.h > g.leading * 2) y += v.h; // a chapter's sink is kept at the top
      continue;
    }
    if (v.kind !== 'line') continue;
    y += first ? v.h * 0.78 : v.h;
    if (first) first = false;
    out.push({ line: v.line, x: v.x, y, label: v.label, rule: v.rule, dest: v.dest, outline: v.outline, par: v.par, idx: v.idx, count: v.count, heading: !!v.keep });
  }
  return { lines: out, height: y - g.textTop + g.leading * 0.25 };
}
