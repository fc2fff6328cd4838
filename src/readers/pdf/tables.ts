// Tables on a PDF's pages, from the runs' places: lines cut into cells where a gap wider than
// a word space stands between runs, in a run of lines whose cells stand in the same columns.
// A table's rows keep their cells apart (the model's `row` blocks), instead of running their
// words together into paragraphs or quotations.
import type { PdfLine, Run } from './extract.ts';
import { alignedColumn, type Column, columnsFrom, makesTable, place, type Span } from '../../normalize/tablegrid.ts';

/** A cell of a row: its runs, and how far it reaches across the page. */
export interface Cell extends Span {
  runs: Run[];
}

/** A table found among the lines: its first and last line (indexes), its columns, and each line's cells with the column each stands in. */
export interface TableAt {
  from: number;
  to: number;
  columns: number;
  rows: { line: number; cells: Cell[]; at: number[]; continues?: boolean }[];
}

// (pdf.js ends a run at a gap of 0.6 em: a justified line's spaces stretch about that far, a
// table's columns stand further apart — TeX's are 12pt, less what the longest cell fills)
const GAP = 0.75;
const LEADER = /(?:\.\s*){4,}|…/;

/** A line cut at its wide gaps. */
export function cellsOf(l: PdfLine): Cell[] {
  const out: Cell[] = [];
  for (const r of l.runs) {
    if (!r.text.trim()) continue;
    const last = out[out.length - 1];
    if (last && r.x - last.to < GAP * l.size) {
      last.runs.push(r);
      last.to = Math.max(last.to, r.x + r.w);
    } else out.push({ runs: [r], from: r.x, to: r.x + r.w });
  }
  return out;
}

/**
 * Runs of three lines or more (two where they have three columns or more), each of two cells
 * or more standing in the same columns (normalize/tablegrid.ts), with no wider gap between them
 * than a table's rows leave; a line of one cell in a later column goes on with the cell above
 * (a cell's text wrapped within its column). Most rows stand 1.1 em apart somewhere (TeX's
 * columns stand 12pt apart at the least): a loosely justified paragraph's words, which pdf.js
 * also gives apart, never do. Not a listing (monospaced throughout) or a contents line (leaders).
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
    const cols: Column<Cell>[] = columnsFrom(cut[k]);
    const rows: TableAt['rows'] = [{ line: k, cells: cut[k], at: cut[k].map((_, n) => n) }];
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
        cells.forEach((c, n) => place(cols[at[n]], c));
        rows.push({ line: j, cells, at });
        continue;
      }
      // a cell's second line, under its column (not the first, where the text after the table begins)
      const alone = cells.length === 1 ? alignedColumn(cells[0], cols, tol) : -1;
      if (alone > 0 && cut[j + 1]?.length >= 2) {
        rows.push({ line: j, cells, at: [alone], continues: true });
        continue;
      }
      break;
    }
    const full = rows.filter((r) => !r.continues);
    const apart = full.filter((r) => r.cells.some((c, n) => n > 0 && c.from - r.cells[n - 1].to >= 1.1 * lines[r.line].size)).length;
    if (makesTable(full.length, cols.length, apart, full.map((r) => r.cells[0].runs.map((x) => x.text).join('')))) found.push({ from: k, to: rows[rows.length - 1].line, columns: cols.length, rows });
    k = Math.max(j, k + 1);
  }
  return found;
}
