// Tables on a PDF's pages, from the runs' places: lines cut into cells where a gap wider than
// a word space stands between runs, in a run of lines whose cells stand in the same columns.
// A table's rows keep their cells apart (the model's `row` blocks), instead of running their
// words together into paragraphs or quotations.
import type { PdfLine, Run } from './extract.ts';

/** A cell of a row: its runs, and how far it reaches across the page. */
export interface Cell {
  runs: Run[];
  x0: number;
  x1: number;
}

/** A table found among the lines: its first and last line (indexes) and each line's cells. */
export interface TableAt {
  from: number;
  to: number;
  rows: { line: number; cells: Cell[]; continues?: boolean }[];
}

// (pdf.js ends a run at a gap of 0.6 em: a justified line's spaces stretch about that far, a
// table's columns stand further apart — TeX's are 12pt, less what the longest cell fills)
const GAP = 0.75;
const LEADER = /(?:\.\s*){4,}|…/;
const LABEL = /^(?:[•·▪◦‣–-]|\(?[\da-z]{1,3}[.)]|\d{1,3})$/i;

/** A line cut at its wide gaps. */
export function cellsOf(l: PdfLine): Cell[] {
  const out: Cell[] = [];
  for (const r of l.runs) {
    if (!r.text.trim()) continue;
    const last = out[out.length - 1];
    if (last && r.x - last.x1 < GAP * l.size) {
      last.runs.push(r);
      last.x1 = Math.max(last.x1, r.x + r.w);
    } else out.push({ runs: [r], x0: r.x, x1: r.x + r.w });
  }
  return out;
}

/**
 * The column a cell stands in: the one whose span it overlaps most (a narrow cell set flush
 * right or centred under a wide one still overlaps it), or one it is flush with.
 */
function columnOf(c: { x0: number; x1: number }, cols: { x0: number; x1: number }[], tol: number): number {
  let best = -1;
  let most = 0;
  cols.forEach((k, n) => {
    const over = Math.min(c.x1, k.x1) - Math.max(c.x0, k.x0);
    if (over > most) [best, most] = [n, over];
  });
  // (a narrow cell beside the column's span: flush with its left or right edge)
  return best >= 0 ? best : cols.findIndex((k) => Math.abs(c.x0 - k.x0) < tol || Math.abs(c.x1 - k.x1) < tol);
}

/**
 * Runs of three lines or more (two where they have three columns or more), each of two cells
 * or more standing in the same columns — each cell flush left, flush right or centred with one
 * above it in its column —, with no wider gap between them than a table's rows leave; a line of
 * one cell in a later column goes on with the cell above (a cell's text wrapped within its
 * column). Most rows stand 1.1 em apart somewhere (TeX's columns stand 12pt apart at the
 * least): a loosely justified paragraph's words, which pdf.js also gives apart, never do. Not a listing (monospaced throughout) or a
 * contents line (leaders).
 */
export function findTables(lines: PdfLine[], leading: number, skip: (k: number) => boolean): TableAt[] {
  const found: TableAt[] = [];
  const cut = lines.map((l, k) => (skip(k) || LEADER.test(l.runs.map((r) => r.text).join('')) ? [] : cellsOf(l)));
  let k = 0;
  while (k < lines.length) {
    if (cut[k].length < 2) {
      k++;
      continue;
    }
    const tol = 0.4 * lines[k].size;
    const cols: Column[] = cut[k].map((c) => ({ x0: c.x0, x1: c.x1, cells: [c] }));
    const rows: TableAt['rows'] = [{ line: k, cells: cut[k] }];
    let j = k + 1;
    for (; j < lines.length; j++) {
      const l = lines[j];
      const prev = lines[j - 1];
      if (l.page !== prev.page || l.column !== prev.column || prev.y - l.y > 2.2 * leading || prev.y - l.y <= 0) break;
      const cells = cut[j];
      const at = cells.map((c) => alignedColumn(c, cols, tol));
      // (each cell in a column of its own, in order)
      const ordered = at.every((a, n) => a >= 0 && (n === 0 || a > at[n - 1]));
      if (cells.length >= 2 && ordered) {
        cells.forEach((c, n) => {
          const col = cols[at[n]];
          col.x0 = Math.min(col.x0, c.x0);
          col.x1 = Math.max(col.x1, c.x1);
          col.cells.push(c);
        });
        rows.push({ line: j, cells });
        continue;
      }
      // a cell's second line, under its column (not the first, where the text after the table begins)
      const alone = cells.length === 1 ? alignedColumn(cells[0], cols, tol) : -1;
      if (alone > 0 && cut[j + 1]?.length >= 2) {
        rows.push({ line: j, cells, continues: true });
        continue;
      }
      break;
    }
    const full = rows.filter((r) => !r.continues);
    const apart = full.filter((r) => r.cells.some((c, n) => n > 0 && c.x0 - r.cells[n - 1].x1 >= 1.1 * lines[r.line].size)).length;
    // (two columns whose first holds only labels, "1." or "•", are a list set with its labels hung)
    const labels = cols.length === 2 && full.every((r) => LABEL.test(r.cells[0].runs.map((x) => x.text).join('').trim()));
    if ((full.length >= 3 || (full.length >= 2 && cols.length >= 3)) && apart >= (2 / 3) * full.length && !labels) found.push({ from: k, to: rows[rows.length - 1].line, rows });
    k = Math.max(j, k + 1);
  }
  return found;
}

interface Column {
  x0: number;
  x1: number;
  cells: Cell[];
}

/** The column a cell stands in, flush left, flush right or centred with a cell already in it. */
function alignedColumn(c: Cell, cols: Column[], tol: number): number {
  const at = columnOf(c, cols, tol);
  if (at < 0) return -1;
  const mid = (x: { x0: number; x1: number }) => (x.x0 + x.x1) / 2;
  return cols[at].cells.some((o) => Math.abs(o.x0 - c.x0) < tol || Math.abs(o.x1 - c.x1) < tol || Math.abs(mid(o) - mid(c)) < tol) ? at : -1;
}

/** Which column each cell of a row stands in, the row's cells placed among the table's columns. */
export function columnsOf(t: TableAt, size: number): { x0: number; x1: number }[] {
  const cols: { x0: number; x1: number }[] = [];
  for (const r of t.rows) {
    if (r.continues) continue;
    for (const c of r.cells) {
      const at = columnOf(c, cols, 0.5 * size);
      if (at < 0) cols.push({ x0: c.x0, x1: c.x1 });
      else {
        cols[at].x0 = Math.min(cols[at].x0, c.x0);
        cols[at].x1 = Math.max(cols[at].x1, c.x1);
      }
    }
  }
  return cols.sort((a, b) => a.x0 - b.x0);
}

export { columnOf };
