// The columns of a table, from where its cells stand: one rule for a PDF's runs (in points)
// and a page layout's text (in characters). A row's cell stands in the column whose span it
// overlaps most, if it stands flush left, flush right or centred with a cell already there.

/** Where a cell stands across its line, in the line's own unit. */
export interface Span {
  from: number;
  to: number;
}

/** A column: the span its cells cover, and its cells. */
export interface Column<C extends Span = Span> extends Span {
  cells: C[];
}

/** Columns opened by a table's first row, a column a cell. */
export const columnsFrom = <C extends Span>(cells: C[]): Column<C>[] => cells.map((c) => ({ from: c.from, to: c.to, cells: [c] }));

/** The column whose span the cell overlaps most, or -1. */
export function overlapped(c: Span, cols: Span[]): number {
  let best = -1;
  let most = 0;
  cols.forEach((k, n) => {
    const over = Math.min(c.to, k.to) - Math.max(c.from, k.from);
    if (over > most) [best, most] = [n, over];
  });
  return best;
}

/** The column a cell stands in — flush left, flush right or centred (within `tol`) with a cell already there — or -1. */
export function alignedColumn<C extends Span>(c: Span, cols: Column<C>[], tol: number): number {
  const at = overlapped(c, cols);
  if (at < 0) return -1;
  const mid = (x: Span) => (x.from + x.to) / 2;
  return cols[at].cells.some((o) => Math.abs(o.from - c.from) < tol || Math.abs(o.to - c.to) < tol || Math.abs(mid(o) - mid(c)) < tol) ? at : -1;
}

/** A cell taken into its column: the column's span grows to cover it. */
export function place<C extends Span>(col: Column<C>, c: C): void {
  col.from = Math.min(col.from, c.from);
  col.to = Math.max(col.to, c.to);
  col.cells.push(c);
}

// (the first column of a list set with hanging labels: "1.", "(a)", "•")
const LABEL = /^(?:[•·▪◦‣–*-]|\(?[\da-z]{1,3}[.)]|\d{1,3})$/i;

/**
 * Whether rows in columns make a table: three rows or more (two, of three columns), most of
 * them with a gap wider than any word space somewhere (`apart` of them) — not two columns whose
 * first holds only labels ("1.", "•"), a list set with its labels hung.
 */
export function makesTable(rows: number, columns: number, apart: number, firstCells: string[]): boolean {
  if (!(rows >= 3 || (rows >= 2 && columns >= 3)) || apart < (2 / 3) * rows) return false;
  return !(columns === 2 && firstCells.every((t) => LABEL.test(t.trim())));
}

/**
 * Whether a table's first row is its header by its figures: it holds none where the rows under
 * it do (half of them, in a table of three columns or more; all, in one of two, which is more
 * often a list of names and values).
 */
export function headerByFigures(first: string, rest: string[], columns: number): boolean {
  const figures = (t: string) => /\d/.test(t);
  return !figures(first) && rest.length > 0 && (columns >= 3 ? rest.filter(figures).length >= rest.length / 2 : rest.every(figures));
}
