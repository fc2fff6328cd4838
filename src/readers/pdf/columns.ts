// A page set in two columns, read as one: its lines in reading order (the left column, then the
// right, band by band between lines that span both) and the right column moved under the left,
// so that what follows (indents, measures, page feet) sees one column. A column's own notes at
// its foot go after both columns' text, where a one-column page has them.
import type { PdfLine, Run } from './extract.ts';

export interface Columned {
  lines: PdfLine[];
  /** Where the gutter is, when the page has two columns. */
  gutter?: [number, number];
}

/** The line a set of runs makes (its size the one most of its characters have). */
export type LineOf = (runs: Run[], page: number) => PdfLine;

const BIN = 2;

/**
 * Two columns when a band down the page's middle is crossed by (almost) no run, with a fair
 * share of the lines wholly on each side of it. A line the content stream gave across both
 * columns (a word processor draws line by line) is cut at the gutter first.
 */
export function inColumns(lines: PdfLine[], width: number, height: number, lineOf: LineOf): Columned {
  if (lines.length < 12) return { lines };
  const gutter = findGutter(lines, width);
  if (!gutter) return { lines };
  const [g0, g1] = gutter;
  const mid = (g0 + g1) / 2;
  const left: PdfLine[] = [];
  const right: PdfLine[] = [];
  const across: PdfLine[] = [];
  for (const l of lines) {
    const a = l.runs.filter((r) => r.x + r.w <= mid);
    const b = l.runs.filter((r) => r.x >= mid);
    if (a.length + b.length < l.runs.length) across.push(l);
    else if (!b.length) left.push(l);
    else if (!a.length) right.push(l);
    else {
      left.push(lineOf(a, l.page));
      right.push(lineOf(b, l.page));
    }
  }
  const total = left.length + right.length + across.length;
  if (left.length < 0.2 * total || right.length < 0.2 * total || across.length > 0.4 * total) return { lines };
  // (marked only now: a page found to have one column keeps its lines as they were)
  for (const l of left) l.column = 0;
  for (const l of right) l.column = 1;
  const byY = (a: PdfLine, b: PdfLine) => b.y - a.y;
  left.sort(byY);
  right.sort(byY);
  across.sort(byY);
  // each column's notes: the small lines at its foot, below its text
  const body = bodySize([...left, ...right]);
  const footOf = (col: PdfLine[]) => {
    let k = col.length;
    while (k > 0 && col[k - 1].size <= 0.92 * body && col[k - 1].y < 0.5 * height) k--;
    // (only notes: their first line opens with a label; small type at a column's foot may be a quotation)
    const first = col[k]?.runs.map((r) => r.text).join('').trim() ?? '';
    return k < col.length && /^(?:\d{1,4}|[*†‡§¶∗])/.test(first) ? col.splice(k) : [];
  };
  const leftFeet = footOf(left);
  const rightFeet = footOf(right);
  // the right column under the left: the same left edge
  const dx = edgeOf(right) - edgeOf(left);
  const moved = right.map((l) => shift(l, dx));
  // what spans both columns below all their lines (a folio, a page's footer) stays last
  const lowest = Math.min(...[...left, ...right, ...leftFeet, ...rightFeet].map((l) => l.y));
  const below = across.filter((f) => f.y < lowest);
  const out: PdfLine[] = [];
  let i = 0;
  let j = 0;
  for (const f of across) {
    if (below.includes(f)) continue;
    while (i < left.length && left[i].y > f.y) out.push(left[i++]);
    while (j < moved.length && moved[j].y > f.y) out.push(moved[j++]);
    out.push(f);
  }
  out.push(...left.slice(i), ...moved.slice(j));
  out.push(...leftFeet, ...rightFeet.map((l) => shift(l, dx)), ...below);
  return { lines: out, gutter };
}

/** The widest band in the page's middle half that (almost) no run crosses, if it is wide enough. */
function findGutter(lines: PdfLine[], width: number): [number, number] | undefined {
  const n = Math.ceil(width / BIN);
  const cover = new Int32Array(n + 1);
  for (const l of lines) {
    for (const r of l.runs) {
      if (!r.text.trim()) continue;
      const a = Math.max(0, Math.floor(r.x / BIN));
      const b = Math.min(n, Math.ceil((r.x + r.w) / BIN));
      for (let k = a; k < b; k++) cover[k]++;
    }
  }
  // a run or two across the gutter (a heading, a title over both columns) leaves it a gutter
  const free = Math.max(1, Math.floor(0.03 * lines.length));
  const size = bodySize(lines);
  let best: [number, number] | undefined;
  let k = Math.floor((0.3 * width) / BIN);
  const end = Math.ceil((0.7 * width) / BIN);
  while (k < end) {
    if (cover[k] > free) {
      k++;
      continue;
    }
    let e = k;
    while (e < end && cover[e] <= free) e++;
    if (!best || e - k > best[1] - best[0]) best = [k, e];
    k = e;
  }
  if (!best || (best[1] - best[0]) * BIN < 0.6 * size) return undefined;
  return [best[0] * BIN, best[1] * BIN];
}

function bodySize(lines: PdfLine[]): number {
  const w = new Map<number, number>();
  for (const l of lines) for (const r of l.runs) w.set(Math.round(r.size * 2) / 2, (w.get(Math.round(r.size * 2) / 2) ?? 0) + r.text.length);
  return [...w].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** A column's left edge: where most of its lines begin (indents and outdents aside). */
function edgeOf(col: PdfLine[]): number {
  const xs = col.map((l) => Math.round(l.x0)).sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function shift(l: PdfLine, dx: number): PdfLine {
  return { ...l, x0: l.x0 - dx, x1: l.x1 - dx, runs: l.runs.map((r) => ({ ...r, x: r.x - dx })) };
}
