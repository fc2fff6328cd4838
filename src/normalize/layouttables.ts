// Tables in a text that keeps its page's layout (pdftotext -layout and the like): a table's
// cells stand apart by runs of spaces, in the same columns line after line. Found on the raw
// lines, before the unwrapping would run a table's rows together into a paragraph.

import { alignedColumn, columnsFrom, makesTable, overlapped, place, type Span } from './tablegrid.ts';

/** A cell of a row: its text and the columns (characters) it spans. */
interface Cell extends Span {
  text: string;
}

/** A table found among the lines: its first and last line, and its rows (each the lines it takes and its cells, a column each). */
export interface LayoutTable {
  from: number;
  to: number;
  columns: number;
  rows: { lines: number[]; cells: string[] }[];
}

/** A line cut into cells at runs of two spaces or more. */
export function cellsOfLine(line: string): Cell[] {
  const out: Cell[] = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) out.push({ text: m[0], from: m.index!, to: m.index! + m[0].length });
  return out;
}

/**
 * The tables among the lines, by index: runs of three rows or more (two, of three columns) of
 * two cells or more, whose cells stand in the same columns — flush left, flush right or centred
 * with a cell above in their column, in order —, most rows with a gap of three spaces somewhere
 * (a justified line may set two). A cell's text may wrap: a line of one cell under a later
 * column (or under the first, set in from it), or a line whose cells go on from the row above
 * (a word broken at a hyphen, a phrase going on in lower case) with nothing in the first
 * column, goes on with that row. A line whose
 * first cell fills most of the measure is prose with a margin note beside it, never a row; two
 * columns whose first holds only labels are a list. `rowable(k)` says whether line k may be in
 * a table at all (not code, not a note).
 */
export function layoutTables(lines: string[], measure: number, rowable: (k: number) => boolean, join: (before: string, next: string, lines: [number, number]) => string): LayoutTable[] {
  const found: LayoutTable[] = [];
  const all = lines.map((l, k) => (rowable(k) ? cellsOfLine(l) : []));
  const cut = all.map((cells) => (cells.length >= 2 && cells[0].to - cells[0].from < 0.6 * measure ? cells : []));
  let k = 0;
  while (k < lines.length) {
    if (cut[k].length < 2) {
      k++;
      continue;
    }
    const cols = columnsFrom(cut[k]);
    // (within a character: flush or centred)
    const columnOf = (c: Cell) => alignedColumn(c, cols, 1.5);
    // a row's cells each stand in a column, in order; the last may stand right of them all
    const fits = (cells: Cell[]) => {
      const at = cells.map(columnOf);
      const right = Math.max(...cols.map((col) => col.to));
      return at.every((a, n) => (a >= 0 || (n === cells.length - 1 && cells[n].from > right + 1)) && (n === 0 || a < 0 || a > at[n - 1]));
    };
    const rows: { lines: number[]; cells: string[] }[] = [{ lines: [k], cells: cut[k].map((c) => c.text) }];
    // (a cell's lines joined as a paragraph's are, a word broken at its hyphen judged so too)
    const add = (row: { lines: number[]; cells: string[] }, n: number, text: string, line: number) => {
      const before = row.cells[n] ?? '';
      row.cells[n] = before ? join(before, text, [row.lines[row.lines.length - 1], line]) : text;
    };
    // (a cell's text going on from the cell above: a word broken at a hyphen, or a phrase in lower case)
    const goesOn = (row: { cells: string[] }, n: number, text: string) => {
      const before = row.cells[n] ?? '';
      return /-$/.test(before) || (!!before && !/[.!?:;)]$/.test(before) && /^\p{Ll}/u.test(text));
    };
    let j = k + 1;
    for (; j < lines.length; j++) {
      const last = rows[rows.length - 1];
      if (all[j].length === 1) {
        // (under a later column; or under the first, set in from it, as a cell's second line hangs)
        const n = overlapped(all[j][0], cols);
        if (n < 0 || (n === 0 && all[j][0].from <= cols[0].from + 1)) break;
        add(last, n, all[j][0].text, j);
        last.lines.push(j);
        continue;
      }
      // (a blank line between rows, where the rows go on under it)
      if (!lines[j].trim() && lines[j - 1].trim() && cut[j + 1]?.length >= 2 && fits(cut[j + 1])) continue;
      if (cut[j].length < 2 || !fits(cut[j])) break;
      const at = cut[j].map(columnOf);
      // (a cell right of every column opens one more: "abs sign sqrt" under "exp expm1")
      for (const [n, c] of cut[j].entries()) {
        if (at[n] < 0) {
          at[n] = cols.length;
          cols.push({ from: c.from, to: c.to, cells: [] });
        }
        place(cols[at[n]], c);
      }
      if (at[0] > 0 && cut[j].some((c, n) => goesOn(last, at[n], c.text))) {
        cut[j].forEach((c, n) => add(last, at[n], c.text, j));
        last.lines.push(j);
        continue;
      }
      const cells: string[] = [];
      cut[j].forEach((c, n) => {
        cells[at[n]] = c.text;
      });
      rows.push({ lines: [j], cells });
    }
    while (j > k && !lines[j - 1].trim()) j--;
    const apart = rows.filter((r) => /\S {3,}\S/.test(lines[r.lines[0]].trim())).length;
    if (makesTable(rows.length, cols.length, apart, rows.map((r) => r.cells[0] ?? ''))) {
      found.push({ from: k, to: j - 1, columns: cols.length, rows: rows.map((r) => ({ lines: r.lines, cells: cols.map((_, n) => r.cells[n] ?? '') })) });
    }
    k = Math.max(j, k + 1);
  }
  return found;
}
