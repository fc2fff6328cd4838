import type { Item, NormState, RawLine } from '../types.ts';
import { numberPages } from '../pagelabels.ts';
import { INLINE } from './inlinepages.ts';
import { detectCarrier } from './carrier.ts';
import { NOTE_LIKE, countsDivisions, labelsOwn, ownSectionNumbers, pageFurniture, type EdgeLine } from '../pagefurniture.ts';
import { maxOf, pushTo } from '../../collections.ts';

// Explicit page markers a transcriber or converter leaves: `page 39`, `[Page 12]`, `- 12 -`, `12 / 57`, `Page 3 of 9`.
const MARKER_RES = [
  /^\s*(?:page|pg\.?|p\.)\s*(\d{1,4}|[ivxlcdm]{1,7})\s*$/i,
  /^\s*\[\s*(?:page|pg\.?|p\.)\s*(\d{1,4}|[ivxlcdm]{1,7})\s*\]\s*$/i,
  /^\s*[-–—]\s*(\d{1,4})\s*[-–—]\s*$/,
  /^\s*(\d{1,4})\s*(?:\/|of)\s*\d{1,4}\s*$/,
  /^\s*(?:page|pg\.?|p\.)\s*(\d{1,4})\s*(?:\/|of)\s*\d{1,4}\s*$/i,
];
// A page separator of a transcription project (Distributed Proofreaders): the scan's file name, not its page number.
const SEPARATOR_RE = /^\s*-{3,}\s*File:\s*\S+?\.(?:png|jpe?g|tiff?|gif)\b.*$/i;
const FOLIO_RE = /^\s*(\d{1,4})\s*$/;

type LineRole = 'text' | 'blank' | 'marker' | 'folio' | 'head';

const isBlank = (t: string) => t.trim() === '';
const shortHead = (t: string) => {
  const s = t.trim();
  return s.length > 0 && s.length <= 70 && s.split(/\s+/).length <= 10 && !/[.,;:]$/.test(s);
};

/** Bare numbers alone between blank lines, rising through the text at a page's pace. */
function findFolios(raw: RawLine[], ff: Set<number>): Set<number> {
  const cands: { i: number; n: number }[] = [];
  raw.forEach((l, i) => {
    const m = FOLIO_RE.exec(l.text);
    if (!m) return;
    const before = i === 0 || isBlank(raw[i - 1].text) || ff.has(i - 1);
    const after = i === raw.length - 1 || isBlank(raw[i + 1].text) || ff.has(i);
    if (before && after) cands.push({ i, n: Number(m[1]) });
  });
  const ok = new Set<number>();
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    // with form feeds, the pages' edges are read in pagefurniture.ts
    if (ff.size) continue;
    // A neighbouring folio must agree: numbers rise, and lines per page stay in a page's range.
    const agrees = (o: { i: number; n: number } | undefined) => {
      if (!o || o.n === c.n) return false;
      const perPage = (o.i - c.i) / (o.n - c.n);
      return perPage >= 15 && perPage <= 150;
    };
    if (agrees(cands[k - 1]) || agrees(cands[k + 1])) ok.add(c.i);
  }
  return ok;
}

// A running head with its folio, "190 OPPOSITION IN GERMANY [cHap.", "CHAP. XIII.] DOLLINGER 189",
// or a folio alone: a short line of few words, the number at one end.
// (OCR adds a speck at either end: "‘62 THE CATHOLIC CHURCH", "… HISTORY 69.")
const HEAD_FOLIO = /^\s*[‘’'`.,]?(?:(\d{1,4})(?:\s+(\S[^\d]{0,60}?))?|(\S[^\d]{0,60}?)\s+(\d{1,4}))[‘’'`.,]?\s*$/;

// what a text numbers in series besides its pages: "Figure 4", "Chapter 3", "Step 2"
const NUMBERED_THING = /^(?:fig(?:ure)?|table|plate|chapter|chap|section|sect|part|book|step|no|number|verse|article|art|lesson|exercise|example|question|item|volume|vol|page|p|pp)\.?$/i;

/**
 * The page heads of a text that marks no page breaks: lines whose number rises by one a page
 * (two or three where a plate or a chapter's opening has none) at a steady pace of lines per
 * page. Numbered lines of the text (a list, a page's notes from 1 again, chapter numbers) keep
 * no page's pace. The longest such chain, if it has four links, counts half the pages it spans
 * and spans half the text, marks the pages.
 */
function headFolios(raw: RawLine[]): Map<number, string> {
  const cands: { i: number; n: number }[] = [];
  raw.forEach((l, i) => {
    const m = HEAD_FOLIO.exec(l.text);
    if (!m) return;
    const words = (m[2] ?? m[3] ?? '').trim();
    if (words.split(/\s+/).length > 8 || (words && !/\p{L}{2}/u.test(words)) || NUMBERED_THING.test(words)) return;
    cands.push({ i, n: Number(m[1] ?? m[4]) });
  });
  const chainWith = (pace?: number) => {
    const len = cands.map(() => 1);
    const prev = cands.map(() => -1);
    for (let k = 0; k < cands.length; k++)
      // (a page's head is among the few numbered lines of the last pages before it)
      for (let j = k - 1; j >= Math.max(0, k - 60) && cands[k].i - cands[j].i <= 450; j--) {
        const dn = cands[k].n - cands[j].n;
        const per = (cands[k].i - cands[j].i) / dn;
        const ok = dn >= 1 && dn <= 3 && (pace ? per >= 0.7 * pace && per <= 1.4 * pace : per >= 15 && per <= 150);
        if (ok && len[j] + 1 > len[k]) {
          len[k] = len[j] + 1;
          prev[k] = j;
        }
      }
    let end = len.indexOf(maxOf(len));
    const chain: number[] = [];
    for (; end >= 0; end = prev[end]) chain.unshift(end);
    return chain.map((k) => cands[k]);
  };
  const out = new Map<number, string>();
  const first = chainWith();
  if (first.length < 4) return out;
  const paces = first.slice(1).map((c, k) => (c.i - first[k].i) / (c.n - first[k].n)).sort((a, b) => a - b);
  const chain = chainWith(paces[Math.floor(paces.length / 2)]);
  // (pages run through the whole text: a bibliography's years rising entry by entry do not)
  if (chain.length < 4 || chain.length < 0.5 * (chain[chain.length - 1].n - chain[0].n + 1) || chain[chain.length - 1].i - chain[0].i < 0.5 * raw.length) return out;
  for (const c of chain) out.set(c.i, String(c.n));
  // a chapter's opening page shows its number at its foot, just above the next page's head
  const headAt = new Map(chain.map((h) => [h.n, h.i]));
  for (const c of cands) {
    const h = headAt.get(c.n + 1);
    // (the break takes the head's number: this one names the page before it)
    if (h !== undefined && h > c.i && h - c.i <= 3 && /^\s*\d{1,4}\s*$/.test(raw[c.i].text)) out.set(c.i, '');
  }
  return out;
}

/**
 * Takes the carrier's page furniture out of the line stream and puts a page break in its
 * place: form feeds, explicit markers, folios, running heads and the leading space some
 * PDF extractions put on each page's first line. Every removed line is recorded.
 */
export function pages(s: NormState): void {
  // Form feeds split a line into the end of one page and the start of the next.
  const raw: RawLine[] = [];
  const ffAfter = new Set<number>(); // index in raw after which a form feed stood
  for (const l of s.raw) {
    const parts = l.text.split('\f');
    parts.forEach((p, k) => {
      if (k > 0) ffAfter.add(raw.length - 1);
      if (k === 0 || p !== '' || k === parts.length - 1) raw.push({ no: l.no, text: p });
    });
  }
  s.formFeeds = ffAfter.size;
  const role: LineRole[] = raw.map((l) => (isBlank(l.text) ? 'blank' : 'text'));
  const labels = new Map<number, string>();

  // Explicit markers are taken when there are at least two of them, rising.
  const markers = raw.map((l, i) => ({ i, m: MARKER_RES.map((re) => re.exec(l.text)).find(Boolean) })).filter((x) => x.m);
  // (their numbers rise: two counters "1 of 24" and "1 of 12" are a page's photo galleries)
  const numbers = markers.map((x) => Number(x.m![1])).filter((n) => !Number.isNaN(n));
  const rising = numbers.slice(1).filter((n, k) => n > numbers[k]).length >= 0.8 * (numbers.length - 1);
  if ((markers.length >= 2 && rising) || (markers.length === 1 && /page/i.test(raw[markers[0].i].text))) {
    for (const { i, m } of markers) {
      role[i] = 'marker';
      labels.set(i, m![1]);
    }
  }
  raw.forEach((l, i) => {
    if (SEPARATOR_RE.test(l.text)) role[i] = 'marker';
  });
  // a scan's text with no form feeds (an OCR's djvu.txt): its pages told by their heads' numbers
  // (a wrapped text's: a browser copy's numbered lines are no pages)
  const wrappedText = () => detectCarrier(raw.filter((l) => !isBlank(l.text)).map((l) => ({ kind: 'text' as const, no: l.no, text: l.text })), 0).mode !== 'lines';
  const heads = !ffAfter.size && !role.includes('marker') ? headFolios(raw) : new Map<number, string>();
  if (heads.size && wrappedText())
    for (const [i, label] of heads) {
      role[i] = 'folio';
      if (label) labels.set(i, label);
    }
  for (const i of findFolios(raw, ffAfter)) {
    if (role[i] !== 'text') continue;
    role[i] = 'folio';
    labels.set(i, raw[i].text.trim());
    // A running head sits beside its folio, alone between blank lines.
    for (const dir of [1, -1]) {
      let j = i + dir;
      while (j >= 0 && j < raw.length && role[j] === 'blank' && Math.abs(j - i) <= 2) j += dir;
      const alone = j > 0 && j < raw.length - 1 && role[j - 1] === 'blank' && role[j + 1] === 'blank';
      if (j >= 0 && j < raw.length && role[j] === 'text' && alone && shortHead(raw[j].text)) role[j] = 'head';
    }
  }

  // Pages cut by form feeds and separators: their edges hold folios and running heads.
  const segOf: number[] = [];
  let seg = 0;
  raw.forEach((_, i) => {
    if (role[i] === 'marker' && i > 0) seg++;
    segOf.push(seg);
    if (ffAfter.has(i)) seg++;
  });
  const segLines: EdgeLine[][] = Array.from({ length: seg + 1 }, () => []);
  raw.forEach((l, i) => {
    if (role[i] === 'text') segLines[segOf[i]].push({ i, text: l.text });
  });
  const stated = new Map<number, string>(); // page (segment) → the number its folio states
  for (const f of pageFurniture(segLines)) {
    if (role[f.i] !== 'text') continue;
    role[f.i] = f.kind;
    if (f.label && /^\d+$/.test(f.label)) stated.set(segOf[f.i], f.label);
  }

  // Page boundaries known so far, to test repeated lines against.
  const boundary = (i: number) => role[i] === 'marker' || role[i] === 'folio' || ffAfter.has(i) || ffAfter.has(i - 1);
  // Repeated short lines next to page boundaries are running heads too.
  const counts = new Map<string, number[]>();
  raw.forEach((l, i) => {
    if (role[i] === 'text' && shortHead(l.text) && /\p{L}{2}/u.test(l.text) && !NOTE_LIKE.test(l.text)) {
      const key = l.text.trim().replace(/\d+/g, '#');
      pushTo(counts, key, i);
    }
  });
  for (const idxs of counts.values()) {
    if (idxs.length < 2) continue;
    if (ownSectionNumbers(idxs.map((i) => raw[i].text))) continue;
    const occurrences = idxs.map((i) => ({ part: raw[i].text, p: segOf[i] }));
    if (labelsOwn(occurrences) || countsDivisions(occurrences)) continue;
    const near = idxs.filter((i) => [-3, -2, -1, 1, 2, 3].some((d) => i + d >= 0 && i + d < raw.length && boundary(i + d)));
    // Alternating heads repeat on every other page: two, each right at a page edge, is enough.
    const atEdge = idxs.every((i) => boundary(i) || boundary(i + 1) || boundary(i - 1));
    if (near.length >= 3 || (near.length === idxs.length && atEdge)) for (const i of near) role[i] = 'head';
  }

  // A single leading space on a few, evenly spaced lines marks where PDF pages begin (in a
  // wrapped text: a browser copy indents menu lines too) — where nothing else marks them: with
  // form feeds there, such a space is the page's own (a footnote's label set in from the margin).
  const textIdx = raw.map((_, i) => i).filter((i) => role[i] === 'text');
  const lead = ffAfter.size >= 2 ? [] : textIdx.filter((i) => /^ \S/.test(raw[i].text));
  let leadStarts = new Set<number>();
  const wrapped = lead.length >= 3 && detectCarrier(textIdx.map((i) => ({ kind: 'text' as const, no: raw[i].no, text: raw[i].text })), ffAfter.size).mode !== 'lines';
  if (wrapped && lead.length / textIdx.length < 0.15) {
    const gaps = lead.slice(1).map((v, k) => v - lead[k]).sort((x, y) => x - y);
    if (gaps[Math.floor(gaps.length / 2)] >= 12) leadStarts = new Set(lead);
  }

  const items: Item[] = [];
  const pushBreak = (no: number, label?: string) => {
    // Furniture spread over several lines (folio, blank, running head) is one page break.
    let k = items.length - 1;
    while (k >= 0 && items[k].kind === 'blank') k--;
    if (k >= 0 && items[k].kind === 'page') {
      const last = items[k] as Extract<Item, { kind: 'page' }>;
      if (label && !last.label) last.label = label;
      return;
    }
    items.push({ kind: 'page', no, label });
  };
  raw.forEach((l, i) => {
    const r = role[i];
    if (r === 'blank') items.push({ kind: 'blank', no: l.no });
    else if (r === 'text') {
      if (leadStarts.has(i)) {
        pushBreak(l.no);
        items.push({ kind: 'text', no: l.no, text: l.text.slice(1), pageStart: true });
        s.changes.push({ kind: 'page-start-space', lines: [l.no], why: 'a single leading space marks a PDF page start' });
      } else items.push({ kind: 'text', no: l.no, text: l.text });
    } else {
      pushBreak(l.no, labels.get(i));
      s.changes.push({ kind: `remove-${r === 'head' ? 'running-head' : r === 'folio' ? 'folio' : 'page-marker'}`, lines: [l.no], from: l.text.trim() });
    }
    if (ffAfter.has(i)) {
      pushBreak(l.no);
      s.changes.push({ kind: 'remove-form-feed', lines: [l.no] });
    }
  });
  // A final page break carries nothing but, at a page's foot, the last page's number.
  let endLabel: string | undefined;
  while (items.length && items[items.length - 1].kind !== 'text') {
    const last = items.pop()!;
    if (last.kind === 'page') endLabel ??= last.label;
  }
  // Nor does a first one, but for the number of the page the text starts on.
  let startLabel: string | undefined;
  while (items.length && items[0].kind !== 'text') {
    const first = items.shift()!;
    if (first.kind === 'page') startLabel ??= first.label;
  }
  // Folios read at the pages' edges name their own page, wherever pdftotext put the line.
  if (stated.size >= 2) {
    const noToIdx = new Map<number, number>();
    raw.forEach((l, i) => noToIdx.set(l.no, i));
    const segOfNo = (no: number) => segOf[noToIdx.get(no) ?? 0];
    const firstText = items.find((x) => x.kind === 'text');
    if (firstText) startLabel = stated.get(segOfNo(firstText.no)) ?? startLabel;
    // (from the end: each break takes the number of the first text line after it)
    let next: Item | undefined;
    for (let k = items.length - 1; k >= 0; k--) {
      const it = items[k];
      if (it.kind === 'text') next = it;
      else if (it.kind === 'page' && next) it.label = stated.get(segOfNo(next.no)) ?? it.label;
    }
  }
  s.items = items;
  s.startLabel = startLabel;
  // A number just before a form feed, or after the last text, stands at its page's foot and
  // names the page that ends there; just after a form feed or before any text, at its head.
  const numbered = [...labels.keys()];
  const textRows = role.flatMap((r, i) => (r === 'text' ? [i] : []));
  const foot = numbered.filter((i) => ffAfter.has(i) || i > textRows[textRows.length - 1]).length;
  const head = numbered.filter((i) => ffAfter.has(i - 1) || i < textRows[0]).length;
  const footers = stated.size < 2 && foot > head;
  if (footers) s.changes.push({ kind: 'page-numbers-at-foot', lines: [], why: `${foot} page numbers stand at the foot of their page (before a form feed or after the last text): each names the page that ends there` });
  labelPages(s, footers ? endLabel : undefined, footers);
}

// A line that opens a chapter: in a printed book it starts a recto page.
const OPENS = /^\s*(?:chapter|part|book|introduction|preface|foreword|prologue|epilogue|appendix|afterword)\b|^\s*[IVXLC]{1,6}\.?\s*$/i;

/** The original edition's page numbers: stated ones kept (at the head or foot of their page), the rest counted between them. */
function labelPages(s: NormState, endLabel: string | undefined, footers: boolean): void {
  // One pass: each page (the text's start, then each break) with the first line of text after it.
  const breaks: Extract<Item, { kind: 'page' }>[] = [];
  const firstLines: (Extract<Item, { kind: 'text' }> | undefined)[] = [undefined];
  for (const it of s.items) {
    if (it.kind === 'page') {
      breaks.push(it);
      firstLines.push(undefined);
    } else if (it.kind === 'text') firstLines[firstLines.length - 1] ??= it;
  }
  // A head number names the page it begins; a foot number the page it ends.
  const stated = (k: number) => (footers ? (k < breaks.length ? breaks[k].label : endLabel) : k ? breaks[k - 1].label : s.startLabel);
  const evidence = firstLines.map((l, k) => ({ label: stated(k), opens: OPENS.test(l?.text ?? '') }));
  // Markers inside the running text ([Pg 12]) state the pages the line stream cannot see: no counting then.
  const inline = s.raw.some((l) => l.text.includes('[') && new RegExp(INLINE.source, 'i').test(l.text));
  const numbering = inline ? { labels: evidence.map((e) => e.label), inferred: 0, conflicts: [], unchecked: 0 } : numberPages(evidence);
  s.startLabel = numbering.labels[0];
  breaks.forEach((b, k) => (b.label = numbering.labels[k + 1]));
  s.pageLabels = breaks.map((b) => b.label ?? '');
  if (numbering.inferred) s.changes.push({ kind: 'count-page-numbers', lines: [], why: `${numbering.inferred} original page numbers counted from the ${evidence.length - numbering.inferred} the source states (chapters opening on rectos)` });
  if (numbering.unchecked) s.doubts.push({ kind: 'page-number', lines: [], message: `${numbering.unchecked} original page numbers before the first or after the last number the source states were counted with nothing to check them against (a blank page there would shift them)` });
  for (const c of numbering.conflicts) {
    const at = c.page === 0 ? firstLines[0]?.no : breaks[c.page - 1].no;
    s.doubts.push({ kind: 'page-number', lines: at ? [at] : [], message: `counting pages gives p. ${c.counted} here but the source says p. ${c.stated}; the source's number is kept and the pages before it may be numbered wrongly` });
  }
}
