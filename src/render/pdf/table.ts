// A table set as lines: each column as wide as its cells ask (the automatic layout of HTML
// tables: every column gets its longest word, the room left goes where the cells are longest),
// each cell broken ragged in its column, and each line of a row drawn as one line across the
// columns, so the page builder moves rows as it moves paragraphs.
import type { Align, Block, Inline } from '../../model/book.ts';
import type { Measurer } from './measure.ts';
import { itemsOf, setFirstFit, type Line, type ParStyle } from './paragraph.ts';

export interface TableRow {
  /** The row's lines, its cells side by side on each. */
  lines: Line[];
  header: boolean;
}

/** The narrowest a cell can be (its longest unbreakable run) and its width on one line. */
function extent(content: Inline[], style: ParStyle, m: Measurer): { min: number; max: number } {
  // (the last two items close the paragraph: a fill and a forced break)
  const items = itemsOf(content, style, m).slice(0, -2);
  let min = 0;
  let run = 0;
  let max = 0;
  for (const it of items) {
    if (it.type === 'box') {
      run += it.width;
      max += it.width;
    } else {
      min = Math.max(min, run);
      run = 0;
      if (it.type === 'glue') max += it.width;
    }
  }
  return { min: Math.max(min, run), max };
}

/** Each column's width in `room`, from its cells' extents. */
export function columnWidths(ext: { min: number; max: number }[][], room: number): number[] {
  const cols = Math.max(0, ...ext.map((r) => r.length));
  const min = Array.from({ length: cols }, (_, c) => Math.max(0, ...ext.map((r) => r[c]?.min ?? 0)));
  const max = Array.from({ length: cols }, (_, c) => Math.max(min[c], ...ext.map((r) => r[c]?.max ?? 0)));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(max) <= room) return max;
  if (sum(min) >= room) return min.map((w) => (room * w) / (sum(min) || 1));
  const slack = sum(max) - sum(min);
  return min.map((w, c) => w + ((room - sum(min)) * (max[c] - min[c])) / slack);
}

const EMPTY: Line = { fragments: [], notes: [], pages: [], width: 0, ratio: 0 };

/** The table's rows, set in `measure` at the style's size (the header in bold). */
export function setTable(b: Extract<Block, { kind: 'table' }>, style: ParStyle, m: Measurer): TableRow[] {
  const gutter = style.size * 0.9;
  const rows = [...(b.head.length ? [{ cells: b.head, header: true }] : []), ...b.rows.map((cells) => ({ cells, header: false }))];
  const styleOf = (header: boolean): ParStyle => ({ ...style, face: header ? 'bold' : style.face, indent: 0, justify: false });
  const cols = Math.max(0, ...rows.map((r) => r.cells.length));
  if (!cols) return [];
  const widths = columnWidths(
    rows.map((r) => r.cells.map((c) => extent(c, styleOf(r.header), m))),
    style.measure - gutter * Math.max(0, cols - 1),
  );
  const xs = widths.map((_, c) => widths.slice(0, c).reduce((a, w) => a + w + gutter, 0));
  return rows.map(({ cells, header }) => {
    const st = styleOf(header);
    const set = Array.from({ length: cols }, (_, c) => (cells[c]?.length ? setFirstFit(itemsOf(cells[c], { ...st, measure: widths[c] }, m), widths[c] + 0.01, m) : []));
    const height = Math.max(1, ...set.map((ls) => ls.length));
    const lines = Array.from({ length: height }, (_, k): Line => {
      const parts = set.map((ls) => ls[k] ?? EMPTY);
      return {
        fragments: parts.flatMap((l, c) => {
          const a: Align = b.align[c] ?? '';
          const shift = xs[c] + (a === 'right' ? widths[c] - l.width : a === 'center' ? (widths[c] - l.width) / 2 : 0);
          return l.fragments.map((f) => ({ ...f, x: f.x + shift }));
        }),
        notes: parts.flatMap((l) => l.notes),
        pages: parts.flatMap((l) => l.pages),
        width: xs[cols - 1] + widths[cols - 1],
        ratio: 0,
      };
    });
    return { lines, header };
  });
}
