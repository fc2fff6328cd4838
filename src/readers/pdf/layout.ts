// A PDF's lines to the model's blocks and note bodies, from the geometry pdf.js reports:
//   furniture   — lines at the pages' edges that repeat or count the pages (passes/pagefurniture)
//   page feet   — the block at a page's foot set smaller than the text: its notes, by their labels
//   marks       — raised, smaller runs in the text: references, linked to the note of that label on the page
//   blocks      — headings by size and weight, code by a monospaced font, quotations by a narrower
//                 measure or a smaller size, paragraphs by indentation, short last lines and gaps
// Each step is a function of the lines; every decision is a change or a doubt naming the line.
import type { Block, BlockKind, Change, Doubt, NoteBody } from '../../normalize/types.ts';
import { EM_CLOSE, EM_OPEN, noteToken } from '../../normalize/types.ts';
import { pageFurniture } from '../../normalize/pagefurniture.ts';
import { decideHyphen } from '../../normalize/hyphenation.ts';
import { buildLexicon } from '../../normalize/lexicon.ts';
import { headerByFigures } from '../../normalize/tablegrid.ts';
import type { PdfLine, PdfPage, Run } from './extract.ts';
import { findTables, type TableAt } from './tables.ts';
import { maxOf, minOf, pushAll, pushTo } from '../../collections.ts';

export interface Laid {
  blocks: Block[];
  bodies: NoteBody[];
  changes: Change[];
  doubts: Doubt[];
  /** One line of text per PDF line, pages opened by a form feed: what the report's line numbers count. */
  rawText: string;
}

/** A line with its number in the raw text (1-based) and its page. */
interface L extends PdfLine {
  no: number;
}

const MARK = /^(?:\d{1,4}|[*∗†‡§¶‖]{1,3}|[a-z])$/;
const FOLIO = /^(?:\d{1,4}|[ivxlcdm]{1,7})$/i;
const LIGATURES = /[\uFB00-\uFB06]/g;
// a soft hyphen or U+2010 at a line's end is the typesetter's break: a plain hyphen for the joiner to judge
const clean = (t: string) => t.replace(LIGATURES, (c) => c.normalize('NFKC')).replace(/[\u00ad\u2010](?=\s*$)/, '-').replace(/\u00ad/g, '');

/**
 * The size most characters of the document's prose are set in: its listings' monospaced type
 * left out (a manual may hold more code, set smaller, than prose), unless it has no other.
 */
function bodySizeOf(lines: L[]): number {
  const w = new Map<number, number>();
  const count = (mono: boolean) => {
    for (const l of lines) for (const r of l.runs) if (r.mono === mono) w.set(Math.round(r.size * 2) / 2, (w.get(Math.round(r.size * 2) / 2) ?? 0) + r.text.length);
  };
  count(false);
  if (!w.size) count(true);
  return [...w].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/**
 * A run set smaller and raised above its line's baseline: a note's mark. (In a line of small
 * type, a listing's or a table's, the mark is hardly smaller than the line: it is raised well up.)
 */
const isRaised = (r: Run, l: PdfLine) => (r.size <= 0.86 * l.size && r.y - l.y > 0.12 * l.size) || (r.size <= 0.95 * l.size && r.y - l.y > 0.3 * l.size);

/** The marks of a line: raised runs whose text is a label (one run may hold "1," or "12"). */
function marksOf(l: PdfLine): { run: Run; label: string }[] {
  const out: { run: Run; label: string }[] = [];
  for (const r of l.runs) {
    if (!isRaised(r, l)) continue;
    // one raised run may carry several marks: "29 30", "1,2"
    const labels = clean(r.text).trim().replace(/[,.;:]$/, '').split(/[\s,]+/);
    if (labels.every((t) => MARK.test(t))) for (const label of labels) out.push({ run: r, label });
  }
  return out;
}

const plain = (l: PdfLine) => clean(l.runs.map((r) => r.text).join(' ')).replace(/\s+/g, ' ').trim();

/**
 * The text of a line: runs joined with the spaces their gaps show, italic and bold runs as
 * emphasis, marks given by `token` (a linked note) or kept as text.
 */
function textOf(l: PdfLine, token: (r: Run) => string | undefined): string {
  let out = '';
  let prev: Run | undefined;
  let em = 0; // 0 none, 1 italic, 2 bold
  const close = () => {
    if (em) out = out.replace(/(\s*)$/, `${EM_CLOSE.repeat(em)}$1`);
    em = 0;
  };
  for (const r of l.runs) {
    const t = clean(r.text);
    const tok = token(r);
    if (prev && !/\s$/.test(out) && !/^\s/.test(t) && r.x - (prev.x + prev.w) > 0.18 * l.size && !tok) out += ' ';
    if (tok !== undefined) {
      close();
      out = out.replace(/(?<!\s)\s+$/, '') + tok;
      prev = r;
      continue;
    }
    const want = r.mono ? 0 : r.bold ? 2 : r.italic ? 1 : 0;
    if (want !== em && t.trim()) {
      close();
      if (want) {
        const lead = /^\s*/.exec(t)![0];
        out += lead + EM_OPEN.repeat(want);
        out += t.slice(lead.length);
        em = want;
        prev = r;
        continue;
      }
    }
    out += t;
    prev = r;
  }
  close();
  return out.replace(new RegExp(`${EM_CLOSE}(\\s*)${EM_OPEN}`, 'g'), '$1').replace(/\s+/g, ' ').trim();
}

export function layOut(pages: PdfPage[]): Laid {
  const changes: Change[] = [];
  const doubts: Doubt[] = [];
  // number the lines as the raw text will show them
  let no = 0;
  const byPage: L[][] = pages.map((p) => edgesInPlace(p.lines, bodySizeOf(p.lines.map((l) => ({ ...l, no: 0 })))).map((l) => ({ ...l, no: ++no })));
  joinStrayMarks(byPage, bodySizeOf(byPage.flat()), changes);
  const all = byPage.flat();
  const byNo = new Map(all.map((l) => [l.no, l] as const));
  const rawText = byPage.map((ls, p) => ls.map((l, k) => `${p > 0 && k === 0 ? '\f' : ''}${plain(l)}`).join('\n') || (p > 0 ? '\f' : '')).join('\n');
  const body = bodySizeOf(all);

  // 1. furniture: folios and running heads
  const furniture = new Set<number>();
  // a small line in a page's lower part that opens with a label its page raises is a note, whatever
  // number it starts with (a draft's stamp over the head, "3 Jan 2020", is not)
  const raisedOn = byPage.map((ls) => new Set(ls.filter((l) => l.size > 0.92 * body).flatMap((l) => marksOf(l).map((m) => m.label))));
  const noteLike = (l: L) => l.size <= 0.92 * body && l.y < 0.6 * pages[l.page].height && !numberedCode(l) && raisedOn[l.page]?.has(labelAt(l)?.label ?? '\0');
  // and so are the small lines that go on after it (a note's second line, repeated across pages,
  // "Selected Works, Moscow, 1951, …", is no running foot)
  const inNote = new Set<number>();
  for (const ls of byPage) {
    let open = false;
    for (const l of ls) {
      // (a number alone below the notes is the folio, set small on some pages)
      if (FOLIO.test(plain(l))) open = false;
      else if (noteLike(l)) open = true;
      else if (l.size > 0.92 * body) open = false;
      if (open) inNote.add(l.no);
    }
  }
  // furniture stands at the very edges: the three lines at each end of a page are all it needs to
  // see (the notes left out first: a page's three top lines stay its top, however short the page)
  const edges = byPage.map((all) => {
    const ls = all.filter((l) => !inNote.has(l.no));
    return ls.length > 6 ? [...ls.slice(0, 3), ...ls.slice(-3)] : ls;
  });
  const found = pageFurniture(edges.map((ls) => ls.map((l) => ({ i: l.no, text: plain(l) }))));
  // furniture keeps its place: a line flagged by its words far from where the others stand (a title page's title) is text
  const placeOf = (f: { i: number }) => byNo.get(f.i)!;
  const isTop = (l: L) => l.y > pages[l.page].height / 2;
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const bandY = { top: median(found.map(placeOf).filter(isTop).map((l) => l.y)), bottom: median(found.map(placeOf).filter((l) => !isTop(l)).map((l) => l.y)) };
  // (a page may carry several bands of furniture — a draft's stamp over the running head —: a line
  // standing where, page after page, furniture stands and nothing else keeps its place too; a
  // heading or listing line that the text's grid puts at one height with the text's lines does not)
  const foundAt = found.map(placeOf);
  const bands = new Map<number, boolean>(); // by height: a page has few
  const band = (l: L) => {
    const at = (ls: L[]) => new Set(ls.filter((o) => Math.abs(o.y - l.y) < 1).map((o) => o.page)).size;
    const key = Math.round(l.y * 4);
    if (!bands.has(key)) {
      const n = at(foundAt);
      bands.set(key, n >= Math.max(3, 0.3 * pages.length) && n >= 0.8 * at(all));
    }
    return bands.get(key)!;
  };
  for (const f of found) {
    const l = placeOf(f);
    if (Math.abs(l.y - bandY[isTop(l) ? 'top' : 'bottom']) > 2 * body && !band(l)) continue;
    furniture.add(f.i);
    changes.push({ kind: f.kind === 'folio' ? 'remove-folio' : 'remove-running-head', lines: [f.i], from: plain(byNo.get(f.i)!), why: f.label ? `page ${f.label}` : undefined });
  }

  // …and by geometry: a line at a page's top or bottom edge, set apart from the text, that many pages repeat at that place
  for (const f of edgeFurniture(byPage, body)) {
    if (furniture.has(f.no) || noteLike(f)) continue;
    furniture.add(f.no);
    changes.push({ kind: 'remove-running-head', lines: [f.no], from: plain(f), why: 'the same line at the same place on many pages' });
  }

  // 2. the page feet: a run of lines set smaller than the text, in the page's lower part, opening
  // with a label, after which no line of the text's measure follows (a float may: a figure, a table)
  const foot = new Set<number>();
  // a numbered line of a listing (a small line number, then monospaced code) is no note
  const small = (l: L) => l.size <= 0.92 * body && l.size >= 0.45 * body && !numberedCode(l);
  const fullText = (l: L) => Math.abs(l.size - body) < 0.6 && l.x1 - l.x0 > 0.7 * measure;
  const under = (ls: L[], k: number) => ls.slice(0, k).filter((l) => l.size > 1.08 * ls[k].size).length >= 2;
  // (a note has words: a display's small numbers — a fraction's "1" over "+ 110 + 4100" — have none)
  const worded = (l: L) => /\p{L}{2}/u.test(plain(l));
  const measure = mode(all.filter((l) => Math.abs(l.size - body) < 0.6).map((l) => l.x1 - l.x0), 4);
  // a contents page's entries end in their page numbers: none of them opens a page foot
  const entryLine = (l: L) => PAGE_AT_END.test(plain(l));
  const contentsPage = new Set<number>();
  byPage.forEach((ls, p) => {
    const rest = ls.filter((l) => !furniture.has(l.no));
    if (rest.length >= 4 && rest.filter(entryLine).length >= 0.6 * rest.length) contentsPage.add(p);
  });
  const feet: L[][] = [];
  let seenNote = false;
  for (const [p, ls] of byPage.entries()) feet.push(footOf(ls, p));
  function footOf(ls: L[], p: number): L[] {
    const rest = ls.filter((l) => !furniture.has(l.no));
    const height = pages[p].height;
    let start = -1;
    const raised = raisedOn[p];
    for (let k = 0; k < rest.length; k++) {
      const lab = small(rest[k]) && rest[k].y < 0.6 * height && !(contentsPage.has(p) && entryLine(rest[k])) ? labelAt(rest[k]) : undefined;
      if (!lab || !worded(rest[k])) continue;
      if (inNumberedListing(rest, k)) continue;
      if (!raised.has(lab.label) && rest.slice(k + 1).some(fullText)) continue;
      // (a foot is under the page's text, set larger than it — lines, not a heading: a page set
      // small throughout, an index or a licence, has none, whatever numbers open its lines)
      if (!under(rest, k)) break;
      start = k;
      break;
    }
    // a foot that opens without a label continues the last page's note: the small lines ending the page
    if (start < 0) {
      let k = rest.length;
      while (k > 0 && small(rest[k - 1]) && rest[k - 1].y < 0.4 * height) k--;
      if (k === rest.length || !rest.slice(k).some((l) => l.size < 0.85 * body) || rest.slice(k).length > 12 || !under(rest, k) || !rest.slice(k).some(worded)) return [];
      start = k;
      // (and only a note the last foot left open: one ending its sentence there is whole, and small
      // lines at this page's end are the text's own, "(End definition for …)")
      const lastFoot = feet.findLast((z) => z.length);
      if (!seenNote || (lastFoot && /[.!?][)”"’]?$/.test(plain(lastFoot[lastFoot.length - 1])))) return [];
    }
    // small lines just above the first labelled note continue the last page's note
    while (seenNote && start > 0 && small(rest[start - 1]) && !labelAt(rest[start - 1]) && rest[start - 1].y - rest[start].y < 2 * rest[start].size && rest[start - 1].y < 0.6 * height) start--;
    const zone: L[] = [];
    for (let k = start; k < rest.length && small(rest[k]); k++) {
      // a wide gap ends the notes, unless a note's label opens the line below it (a note may
      // hold a display): small type below it is a float's (an example's caption)
      const above = zone[zone.length - 1];
      if (above && above.page === rest[k].page && above.y - rest[k].y > 2.5 * Math.max(above.size, rest[k].size) && !labelAt(rest[k])) break;
      zone.push(rest[k]);
    }
    while (zone.length > 1 && FOLIO.test(plain(zone[zone.length - 1]))) zone.pop();
    for (const l of zone) foot.add(l.no);
    seenNote ||= zone.length > 0;
    return zone;
  }

  // 3. the notes of each foot, by their labels; a foot that opens without one continues the last note
  const bodies: (NoteBody & { paras: string[] })[] = [];
  const onPage = new Map<string, number>(); // `${page}:${label}` → body id
  for (const [p, zone] of feet.entries()) {
    for (const l of zone) {
      const lab = labelAt(l);
      const text = textOf(l, (r) => (lab && r === lab.run ? '' : undefined)).replace(lab && !lab.raised ? new RegExp(`^${escapeRe(lab.label)}[.)]?\\s*`) : /^/, '');
      if (lab) {
        const id = bodies.length;
        bodies.push({ label: lab.label, text: '', paras: [text], lines: [l.no], page: p, after: l.no, id, zone: 'foot', marks: 0 });
        onPage.set(`${p}:${lab.label}`, id);
      } else if (bodies.length) {
        const b = bodies[bodies.length - 1];
        if (b.page !== p && !b.lines.some((n) => byNo.get(n)?.page === p)) changes.push({ kind: 'join-note-across-pages', lines: [b.lines[0], l.no], why: `note ${b.label} continues at the foot of the next page` });
        b.paras.push(text);
        b.lines.push(l.no);
      } else doubts.push({ kind: 'foot-without-note', lines: [l.no], message: `a line at the page's foot set small, with no note to belong to: kept as text (“${plain(l).slice(0, 60)}”)` });
    }
  }

  // 4. the marks in the text: each to the note of its label on its page (or the next page's)
  const tokenOf = new Map<Run, string>();
  for (const l of all) {
    if (furniture.has(l.no)) continue;
    const own = foot.has(l.no) ? labelAt(l)?.run : undefined; // a note's own label is no mark
    // a run's marks in order: each a note token, or its label kept as text where no note has it
    const parts = new Map<Run, string[]>();
    const linked = new Set<Run>();
    for (const m of marksOf(l)) {
      if (m.run === own) continue;
      const id = onPage.get(`${l.page}:${m.label}`) ?? onPage.get(`${l.page + 1}:${m.label}`);
      if (!parts.has(m.run)) parts.set(m.run, []);
      if (id === undefined) {
        doubts.push({ kind: 'mark-without-note', lines: [l.no], message: `a raised “${m.label}” with no note of that label on its page: kept as text` });
        parts.get(m.run)!.push(` ${m.label}`);
        continue;
      }
      parts.get(m.run)!.push(noteToken(id));
      linked.add(m.run);
      bodies[id].marks++;
      changes.push({ kind: 'link-note-ref', lines: [l.no, bodies[id].lines[0]], from: m.label, why: `a raised mark, and the note of its label at the page's foot` });
    }
    for (const [run, ps] of parts) if (linked.has(run)) tokenOf.set(run, ps.join(''));
  }
  for (const b of bodies) {
    b.text = joinLines(b.paras.map((t, k) => ({ text: t, no: b.lines[k] })), changes);
    if (!b.marks) doubts.push({ kind: 'note-without-mark', lines: b.lines.slice(0, 1), message: `note ${b.label} at the page's foot: no raised mark refers to it; placed after the text before it` });
  }

  // 5. the source's own contents pages: most lines end in a page number, and the numbers rise
  const contents = new Set<number>();
  const contentsBlocks: Block[] = [];
  const NUMBER = /^\d{1,4}$/;
  for (const ls of byPage) {
    const rest = ls.filter((l) => !furniture.has(l.no) && !foot.has(l.no));
    // page numbers drawn apart from their entries, at their height: each read as its entry's end
    const apart = rest.filter((l) => NUMBER.test(plain(l)) && rest.some((o) => Math.abs(o.y - l.y) < 1 && !NUMBER.test(plain(o))));
    const entryLines = apart.length >= 4 ? rest.filter((l) => !apart.includes(l)) : rest;
    const ending = new Map<number, string>();
    if (apart.length >= 4) for (const n of apart) ending.set(entryLines.find((o) => Math.abs(o.y - n.y) < 1)!.no, plain(n));
    const textOfEntry = (l: L) => (ending.has(l.no) ? `${plain(l)} ${ending.get(l.no)}` : plain(l));
    const nums = entryLines.map((l) => PAGE_AT_END.exec(textOfEntry(l))?.[1]).filter((x): x is string => !!x).map(Number);
    const rising = nums.every((n, k) => k === 0 || n >= nums[k - 1]);
    if (entryLines.length >= 4 && nums.length >= 0.6 * entryLines.length && rising) {
      // (a title page that goes on into its contents: they begin at their heading — one with
      // entries under it, not a running foot that names the page —, the title, authors and date
      // above it are the text's, their marks linked)
      const heading = rest.findIndex((l) => CONTENTS_HEADING.test(plain(l)));
      const entriesUnder = heading > 0 ? rest.slice(heading).filter((l) => PAGE_AT_END.test(textOfEntry(l))).length : 0;
      const own = entriesUnder >= 4 ? rest.slice(heading) : rest;
      for (const l of own) contents.add(l.no);
      contentsBlocks.push(...entriesOf(entryLines.filter((l) => own.includes(l)), textOfEntry));
      changes.push({ kind: 'contents', lines: own.map((l) => l.no), why: `a contents page (${nums.length} of its ${entryLines.length} entries end in rising page numbers): kept as a list of its entries, without leaders and page numbers` });
      continue;
    }
    // a chapter's own contents on a page of text (a part's opening page)
    for (const run of contentsRuns(rest)) {
      for (const l of run) contents.add(l.no);
      contentsBlocks.push(...entriesOf(run));
      changes.push({ kind: 'contents', lines: run.map((l) => l.no), why: `a contents list on a page of text (${run.length} lines ending in rising page numbers, under its heading or with leaders and section numbers): kept as a list of its entries, without leaders and page numbers` });
    }
  }

  // 6. the text's blocks
  const text = all.filter((l) => !furniture.has(l.no) && !foot.has(l.no) && !contents.has(l.no));
  const blocks = [...blocksOf(text, body, tokenOf, changes), ...contentsBlocks].sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  return { blocks, bodies: bodies.map(({ paras: _p, ...b }) => b), changes, doubts, rawText };
}

/**
 * A page's lines in reading order at its edges: a head or folio drawn last (or a foot drawn first)
 * stands apart above (below) everything else; it is moved to the page's start (end).
 */
function edgesInPlace(lines: PdfLine[], body: number): PdfLine[] {
  // (a page of one or two lines — a blank page's stamp and count — is read top to bottom)
  if (lines.length < 3) return [...lines].sort((a, b) => b.y - a.y);
  const ys = lines.map((l) => l.y).sort((a, b) => b - a);
  const gapAt = (k: number) => ys[k] - ys[k + 1];
  let top = 0; // lines in the band above the first gap
  for (let k = 0; k < Math.min(3, ys.length - 1); k++) if (gapAt(k) > 1.8 * body) {
    top = k + 1;
    break;
  }
  const topY = top ? ys[top - 1] : Infinity;
  const head = lines.filter((l) => l.y >= topY);
  const rest = lines.filter((l) => l.y < topY);
  return [...head, ...rest];
}

const LEADER = /(?:\s*\.){3,}\s*|\s*…\s*/g;
/** A contents entry's end: its page number, after a leader or a space. */
const PAGE_AT_END = /(?:\.\s*|\s)(\d{1,4})$/;
const CONTENTS_HEADING = /^(?:table of )?contents$|^list of (?:tables|figures|illustrations|plates|maps)$/i;

/** An entry's lines as one: a word broken at a line's end ("implementa-" "tion") is whole again. */
const joinEntry = (ts: string[]) =>
  ts.reduce((a, t) => {
    const left = /(\p{L}+)-$/u.exec(a)?.[1];
    const right = /^\p{Ll}+/u.exec(t)?.[0];
    return left && right && !decideHyphen(left, right, new Map()).keep ? a.slice(0, -1) + t : `${a} ${t}`;
  });

/** A contents page's entries: a line that does not end in its page number runs on to the next. */
function entriesOf(lines: L[], textOf: (l: L) => string = plain): Block[] {
  const out: Block[] = [];
  let acc: L[] = [];
  for (const l of lines) {
    const t = textOf(l);
    if (!acc.length && CONTENTS_HEADING.test(t)) {
      out.push({ kind: 'heading', level: 2, text: t, lines: [l.no], widths: [], page: l.page });
      continue;
    }
    acc.push(l);
    if (/\d{1,4}$/.test(t) || acc.length >= 3) {
      const text = joinEntry(acc.map(textOf)).replace(/\s*\d{1,4}$/, '').replace(LEADER, ' ').replace(/\s+/g, ' ').trim();
      if (text) out.push({ kind: 'item', text, lines: acc.map((x) => x.no), widths: [], page: acc[0].page });
      acc = [];
    }
  }
  if (acc.length) out.push({ kind: 'item', text: joinEntry(acc.map(textOf)), lines: acc.map((x) => x.no), widths: [], page: acc[0].page });
  return out;
}

/**
 * The runs of a page's lines that are a contents list: four entries or more ending in rising page
 * numbers (an entry may wrap over two lines more), told from text that ends in numbers by the
 * list's own heading just above it, which the run takes in, or by dot leaders and section numbers
 * in half its entries.
 * (An index's entries, with several page numbers each, are no contents.)
 */
function contentsRuns(ls: L[]): L[][] {
  const num = ls.map((l) => PAGE_AT_END.exec(plain(l))?.[1]);
  // an entry with several page numbers is an index's: no contents list runs through it, nor
  // stands on a page of them
  const indexEntry = ls.map((l) => /\d,\s*\d{1,4}$/.test(plain(l)));
  const runs: L[][] = [];
  if (indexEntry.filter(Boolean).length >= 3) return runs;
  for (let k = 0; k < ls.length; k++) {
    if (num[k] === undefined || indexEntry[k]) continue;
    let end = k;
    for (let j = k + 1; j < ls.length && j - end <= 3 && !indexEntry[j]; j++) if (num[j] !== undefined) end = j;
    const numbered = ls.slice(k, end + 1).filter((_, i) => num[k + i] !== undefined);
    const pages = numbered.map((l) => Number(PAGE_AT_END.exec(plain(l))![1]));
    const rising = pages.every((n, i) => i === 0 || n >= pages[i - 1]);
    const headAt = [k - 1, k - 2].find((h) => h >= 0 && CONTENTS_HEADING.test(plain(ls[h])));
    const leaders = numbered.filter((l) => /(?:\.\s*){4,}\d{1,4}$|…\s*\d{1,4}$/.test(plain(l))).length;
    const sectioned = numbered.filter((l) => /^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[A-Z])\.?\s/.test(plain(l))).length;
    if (numbered.length >= 4 && rising && (headAt !== undefined || (leaders >= numbered.length / 2 && sectioned >= numbered.length / 2))) {
      runs.push(ls.slice(headAt ?? k, end + 1));
      k = end;
    }
  }
  return runs;
}

/** Letters, and # for each number: lines compared without their page numbers. */
const keyOf = (t: string) => t.toLowerCase().replace(/\d+/g, '#').replace(/[^\p{L}#]+/gu, '');

function edgeFurniture(byPage: L[][], body: number): L[] {
  const out: L[] = [];
  for (const edge of ['top', 'bottom'] as const) {
    const cands: L[] = [];
    for (const ls of byPage) {
      if (ls.length < 3) continue;
      const [l, next] = edge === 'top' ? [ls[0], ls[1]] : [ls[ls.length - 1], ls[ls.length - 2]];
      if (Math.abs(l.y - next.y) > 1.6 * body * 1.2) cands.push(l);
    }
    const groups = new Map<string, L[]>();
    for (const l of cands) {
      const k = `${Math.round(l.y / 4)}:${keyOf(plain(l))}`;
      pushTo(groups, k, l);
    }
    for (const g of groups.values()) if (g.length >= 3 && keyOf(plain(g[0])).length <= 80) pushAll(out, g);
    // a line at one place on most pages, set apart, is furniture whatever it says (a head naming each section)
    const atY = new Map<number, L[]>();
    for (const l of cands) pushTo(atY, Math.round(l.y), l);
    for (const g of atY.values()) if (g.length >= Math.max(3, 0.4 * byPage.length) && g.every((l) => plain(l).length <= 120)) out.push(...g.filter((l) => !out.includes(l)));
  }
  return out;
}

/**
 * A mark set on a line of its own (some typesetters raise it from an empty line after the
 * sentence): a small run that is only a label, under a line of text, belongs to that line's end.
 */
function joinStrayMarks(byPage: L[][], body: number, changes: Change[]): void {
  for (const ls of byPage) {
    for (let k = ls.length - 1; k > 0; k--) {
      const l = ls[k];
      const prev = ls[k - 1];
      const t = plain(l);
      if (l.size > 0.86 * body || !t.split(/[\s,]+/).every((x) => MARK.test(x)) || prev.size < 0.95 * body) continue;
      if (prev.y - l.y > 1.5 * prev.size || l.x0 < prev.x0 - 1) continue;
      // raised onto the line before, as it is read
      prev.runs = [...prev.runs, ...l.runs.map((r) => ({ ...r, y: prev.y + 0.35 * prev.size }))];
      changes.push({ kind: 'join-mark-line', lines: [prev.no, l.no], from: t, why: "a note's mark alone on a line: read at the end of the line above" });
      ls.splice(k, 1);
    }
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A listing's numbered line: after its first run (the number), only monospaced text. */
function numberedCode(l: PdfLine): boolean {
  const runs = l.runs.filter((r) => r.text.trim());
  // (a line number stands on the line; a note's label is raised: a note may be all a URL in type)
  // (the code may open with a guard set in another face, "⟨latexrelease⟩\\IncludeInRelease…": most of it is monospaced)
  return runs.length >= 2 && /^\d{1,5}$/.test(runs[0].text.trim()) && monoShare(runs.slice(1)) >= 0.6 && !isRaised(runs[0], l);
}

/** The share of the runs' characters set in a monospaced face. */
function monoShare(runs: Run[]): number {
  let all = 0;
  let mono = 0;
  for (const r of runs) {
    const n = r.text.trim().length;
    all += n;
    if (r.mono) mono += n;
  }
  return all ? mono / all : 0;
}

/**
 * The line at k is one of a listing's numbered lines: its number in sequence with the numbers
 * opening the lines around it, at the same place, and one of them monospaced code ("1 ⟨@@=pdfmeta⟩",
 * "2 ⟨∗header⟩", "3 \\ProvidesExplPackage…": a guard set in another font than the code).
 */
function inNumberedListing(ls: L[], k: number): boolean {
  const num = (j: number) => {
    const lab = j >= 0 && j < ls.length ? labelAt(ls[j]) : undefined;
    return lab && /^\d+$/.test(lab.label) && Math.abs(ls[j].x0 - ls[k].x0) < 2 ? Number(lab.label) : undefined;
  };
  const n = num(k);
  if (n === undefined) return false;
  let code = numberedCode(ls[k]);
  for (let j = k - 1; !code && num(j) === n - (k - j); j--) code = numberedCode(ls[j]);
  for (let j = k + 1; !code && num(j) === n + (j - k); j++) code = numberedCode(ls[j]);
  return code;
}

/** The label a foot line opens with: a raised mark, or a number or symbol set before the text. */
function labelAt(l: PdfLine): { label: string; run?: Run; raised: boolean } | undefined {
  const first = l.runs.find((r) => r.text.trim());
  if (!first) return undefined;
  const t = clean(first.text).trim();
  if (isRaised(first, l) || (first.size < 0.9 * l.size && MARK.test(t))) return MARK.test(t) ? { label: t, run: first, raised: true } : undefined;
  const m = /^(\d{1,4}|[*∗†‡§¶‖]{1,3})[.)]?(?=\s|$)/.exec(plain(l));
  return m ? { label: m[1], raised: false } : undefined;
}

/** Lines of one paragraph joined: a hyphen at a line's end is kept or taken out on the text's evidence. */
function joinLines(parts: { text: string; no: number }[], changes: Change[], lexicon?: Map<string, number>): string {
  let out = '';
  for (let { text, no } of parts) {
    if (!out) {
      out = text;
      continue;
    }
    // emphasis that runs on over the break closes and reopens around it: "sys-*" + "*tems"
    const m = /(\p{L}+)-(\uE003*)$/u.exec(out.slice(-80));
    const opened = /^\uE002*/.exec(text)![0];
    const rest = text.slice(opened.length);
    const next = /^\p{L}+/u.exec(rest);
    if (m && next && /^\p{Ll}/u.test(rest) && (m[2].length === opened.length || !m[2])) {
      const d = decideHyphen(m[1], next[0], lexicon ?? new Map());
      if (m[2] && m[2].length === opened.length) {
        out = out.slice(0, out.length - m[2].length);
        text = `${rest}`;
      }
      if (!d.keep) {
        out = out.slice(0, -1) + text;
        changes.push({ kind: 'dehyphenate', lines: [no - 1, no], from: `${m[1]}-${next[0]}`, to: m[1] + next[0], why: d.why });
        continue;
      }
      out += text;
      continue;
    }
    out += ` ${text}`;
  }
  return out;
}

/** The most common value of a list, rounded to `step`. */
function mode(xs: number[], step = 1): number {
  const c = new Map<number, number>();
  for (const x of xs) c.set(Math.round(x / step) * step, (c.get(Math.round(x / step) * step) ?? 0) + 1);
  return [...c].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

const BULLET = /^(?:[•·▪◦‣–-]|\d{1,2}[.)]|[a-z][.)]|\([a-z\d]{1,3}\))\s/;

function blocksOf(lines: L[], body: number, tokenOf: Map<Run, string>, changes: Change[]): Block[] {
  const lexicon = buildLexicon(lines.map(plain));
  // margins per page parity (recto and verso are set at different offsets), from the lines of text size
  const textLines = lines.filter((l) => Math.abs(l.size - body) < 0.6 && !l.runs.every((r) => r.mono));
  const margin = [0, 1].map((par) => mode(textLines.filter((l) => l.page % 2 === par).map((l) => l.x0), 2) || mode(textLines.map((l) => l.x0), 2));
  const right = [0, 1].map((par) => {
    const xs = textLines.filter((l) => l.page % 2 === par).map((l) => l.x1).sort((a, b) => a - b);
    return xs[Math.floor(xs.length * 0.9)] ?? mode(textLines.map((l) => l.x1), 2);
  });
  const leadings: number[] = [];
  for (let k = 1; k < lines.length; k++) if (lines[k].page === lines[k - 1].page && Math.abs(lines[k].size - body) < 0.6) leadings.push(lines[k - 1].y - lines[k].y);
  const leading = mode(leadings.filter((d) => d > 0), 0.5) || body * 1.2;
  const headingSizes = [...new Set(lines.filter((l) => l.size >= 1.12 * body).map((l) => Math.round(l.size)))].sort((a, b) => b - a);

  // a numbered line in sequence with a listing's is the listing's: "1 ⟨∗package⟩" over "2 \\NeedsTeXFormat…",
  // a blank line's number alone
  const listed = new Set(lines.filter((_, k) => inNumberedListing(lines, k)).map((l) => l.no));
  const kindOf = (l: L): { kind: BlockKind; level?: number } => {
    // (a listing's numbered line too: its number set in the text's face, its code monospaced)
    if (l.runs.every((r) => r.mono || !r.text.trim()) || numberedCode(l) || listed.has(l.no)) return { kind: 'code' };
    if (l.size >= 1.12 * body) return { kind: 'heading', level: Math.min(6, 1 + headingSizes.indexOf(Math.round(l.size))) };
    const words = plain(l).split(/\s+/).length;
    const textRuns = l.runs.filter((r) => r.text.trim());
    if (textRuns.every((r) => r.bold) && words <= 12 && l.x1 < right[l.page % 2] - 4 * body) return { kind: 'heading', level: Math.min(6, headingSizes.length + 1) };
    // (a line mostly of code, set smaller like the listings, "\\verify:n{⟨requirement⟩}", is no quotation)
    if (l.size < 0.95 * body && monoShare(textRuns) < 0.6) return { kind: 'quote' };
    return { kind: 'para' };
  };

  // tables first: their rows keep their cells apart (not a listing's lines, not headings)
  const tables = new Map<number, TableAt>(findTables(lines, leading, (k) => ['code', 'heading'].includes(kindOf(lines[k]).kind)).map((t) => [t.from, t]));

  const blocks: Block[] = [];
  let cur: { kind: BlockKind; level?: number; parts: { text: string; no: number }[]; lines: L[] } | undefined;
  const flush = () => {
    if (!cur) return;
    const lns = cur.lines;
    if (cur.kind === 'code') {
      // each run at its column: a monospaced character's width from the runs themselves
      const m = minOf(lns.map((l) => l.x0));
      const widths = lns.flatMap((l) => l.runs.filter((r) => r.text.length).map((r) => r.w / r.text.length)).sort((a, b) => a - b);
      const blockWidth = widths[Math.floor(widths.length / 2)] || body * 0.6;
      const text = lns
        .map((l) => {
          // (each line in its own type's widths: listings of two sizes may run on from one another)
          const own = l.runs.filter((r) => r.mono && r.text.length).map((r) => r.w / r.text.length).sort((a, b) => a - b);
          const cw = own[Math.floor(own.length / 2)] || blockWidth;
          let line = '';
          let prev: Run | undefined;
          for (const r of l.runs) {
            const col = Math.round((r.x - m) / cw);
            // (a run set apart from the last, a line's number in a smaller face before its code, keeps a space)
            const apart = prev && !/\s$/.test(line) && r.x - (prev.x + prev.w) > 0.3 * cw;
            line += (line.length < col ? ' '.repeat(col - line.length) : apart ? ' ' : '') + clean(r.text);
            prev = r;
          }
          return line.replace(/(?<!\s)\s+$/, '');
        })
        .join('\n');
      blocks.push({ kind: 'code', text, lines: lns.map((l) => l.no), widths: [], page: lns[0].page, indent: 0 });
    } else {
      const text = joinLines(cur.parts, changes, lexicon);
      const item = cur.kind === 'para' && BULLET.exec(text.replace(/^[\uE002\uE003]+/, ''));
      // a block set in from both sides (a narrower measure) is a quotation
      const m = margin[lns[0].page % 2];
      const narrow = lns.every((l) => l.x0 > margin[l.page % 2] + 1.5 * body) && maxOf(lns.map((l) => l.x1)) < right[lns[0].page % 2] - 1.2 * body && lns[0].x0 > m;
      const kind: BlockKind = item ? 'item' : cur.kind === 'para' && narrow ? 'quote' : cur.kind;
      const label = item ? item[0].trim() : undefined;
      blocks.push({ kind, text: label && !/^[•·▪◦‣–-]$/.test(label) ? text : item ? text.replace(BULLET, '') : text, lines: lns.map((l) => l.no), widths: lns.map((l) => Math.round(l.x1 - l.x0)), page: lns[0].page, ...(cur.level ? { level: cur.level } : {}) });
      if (cur.lines.length > 1 && cur.lines[0].page !== cur.lines[cur.lines.length - 1].page) changes.push({ kind: 'join-across-page', lines: [cur.lines[0].no, cur.lines[cur.lines.length - 1].no], why: 'a paragraph that runs on to the next page' });
    }
    cur = undefined;
  };
  for (let k = 0; k < lines.length; k++) {
    const table = tables.get(k);
    if (table) {
      flush();
      pushAll(blocks, goOnAcrossPage(blocks, rowsOf(table, lines, tokenOf, changes), changes));
      k = table.to;
      continue;
    }
    const l = lines[k];
    const prev = lines[k - 1];
    const { kind, level } = kindOf(l);
    const raw = textOf(l, (r) => tokenOf.get(r));
    // a heading is set in its own weight: its emphasis is not the author's
    const text = kind === 'heading' ? raw.replace(/[\uE002\uE003]/g, '') : raw;
    if (!text.trim()) continue;
    let starts = !cur || cur.kind !== kind || (kind === 'heading' && cur.level !== level);
    if (!starts && prev && kind !== 'code') {
      // (the top of the next column goes on from the foot of the last, as the next page does)
      const samePage = prev.page === l.page && prev.column === l.column;
      const gap = samePage ? prev.y - l.y : leading;
      const m = margin[l.page % 2];
      // a first line set in: further in than the margin and than the lines on either side (not a hanging or indented block)
      const next = lines[k + 1];
      const backLeft = !next || next.page !== l.page || next.x0 < l.x0 - 0.5 * body;
      // …and not a list item's second line, set under the item's text after its label (a hanging indent)
      const head = cur!.lines[0];
      // (or a description's, under the text after its term set in bold: "series How heavy…⏎‘narrow’ and…")
      const term = head.runs[0]?.bold === true && head.runs.some((r) => !r.bold && r.text.trim());
      const hanging = (BULLET.test(plain(head)) && l.x0 > head.x0 + 0.2 * body && l.x0 < head.x0 + 3 * body) || (term && l.x0 > head.x0 + 0.2 * body && l.x0 < head.x0 + 6 * body && prev.x1 > right[prev.page % 2] - 2.5 * body);
      const indented = l.x0 > m + 0.6 * body && l.x0 < m + 5 * body && kind !== 'quote' && backLeft && !hanging && (l.x0 > prev.x0 + 0.5 * body || !samePage);
      // a short line ends a paragraph; a quotation's lines are measured against its own measure
      const edge = kind === 'quote' ? Math.max(l.x1, maxOf(cur!.lines.map((x) => x.x1))) : right[prev.page % 2];
      const prevShort = prev.x1 < edge - 2.5 * body;
      const bullet = BULLET.test(plain(l)) && (prevShort || gap > 1.3 * leading);
      starts = gap > 1.45 * leading || gap < -leading || indented || (prevShort && kind !== 'heading') || bullet;
      if (kind === 'heading' && gap <= 1.6 * l.size) starts = false;
    }
    if (!starts && kind === 'code' && prev && prev.page === l.page && prev.y - l.y > 1.8 * leading) starts = true;
    if (starts) {
      flush();
      cur = { kind, level, parts: [], lines: [] };
    }
    cur!.parts.push({ text, no: l.no });
    cur!.lines.push(l);
  }
  flush();
  return blocks;
}

/**
 * A table's rows as the model's row blocks: each cell's text (its emphasis and note marks as in
 * running text) in its column, a cell's wrapped line joined to it; the first row the header
 * where it is set in another style than the rows under it (bold or italic), or where it holds
 * no figure and they do (half of them, in a table of three columns or more).
 */
function rowsOf(t: TableAt, lines: L[], tokenOf: Map<Run, string>, changes: Change[]): Block[] {
  const rows: { cells: string[]; lines: number[]; styled: boolean }[] = [];
  for (const r of t.rows) {
    const l = lines[r.line];
    const texts = r.cells.map((c) => textOf({ ...l, runs: c.runs }, (x) => tokenOf.get(x)));
    if (r.continues && rows.length) {
      const row = rows[rows.length - 1];
      row.cells[r.at[0]] = `${row.cells[r.at[0]]} ${texts[0]}`.trim();
      row.lines.push(l.no);
      continue;
    }
    const cells = Array.from({ length: t.columns }, () => '');
    r.at.forEach((a, n) => {
      cells[a] = texts[n];
    });
    // (its words' style, not its code's: "Value in article class", the class name in typewriter)
    const words = r.cells.flatMap((c) => c.runs).filter((x) => x.text.trim() && !x.mono);
    rows.push({ cells, lines: [l.no], styled: words.length > 0 && words.every((x) => x.bold || x.italic) });
  }
  const rest = rows.slice(1);
  const header = (rows[0].styled && rest.some((r) => !r.styled)) || headerByFigures(rows[0].cells.join(' '), rest.map((r) => r.cells.join(' ')), t.columns);
  changes.push({ kind: 'table', lines: rows.map((r) => r.lines[0]), why: `${rows.length} lines whose words stand in ${t.columns} columns apart: a table${header ? ', its first row the header' : ''}` });
  return rows.map((r, k) => ({
    kind: 'row',
    // (a header is set in its own style: its emphasis is not the author's)
    text: r.cells.map((c) => (k === 0 && header ? c.replace(/[\uE002\uE003]/g, '') : c).replace(/\t/g, ' ')).join('\t'),
    lines: r.lines,
    widths: [],
    page: lines[t.rows[0].line].page,
    row: { first: k === 0, header: k === 0 && header },
  }));
}

/**
 * A table that goes on from the foot of the last page — its rows right after that table's, as
 * many columns — is that table: its header, where the page sets it again, is left out.
 */
function goOnAcrossPage(blocks: Block[], rows: Block[], changes: Change[]): Block[] {
  const before = blocks[blocks.length - 1];
  const width = (b: Block) => b.text.split('\t').length;
  if (before?.kind !== 'row' || before.page !== rows[0].page - 1 || width(before) !== width(rows[0])) return rows;
  let h = blocks.length - 1;
  while (h > 0 && !blocks[h].row?.first) h--;
  const repeated = blocks[h].row?.header === true && rows[0].text === blocks[h].text;
  const out = repeated ? rows.slice(1) : rows;
  if (out.length) out[0].row = { first: false, header: false };
  changes.push({ kind: 'table', lines: rows.map((r) => r.lines[0]), why: `the table on the page before goes on${repeated ? ', its header set again left out' : ''}` });
  return out;
}
