import type { Block, NormState } from '../types.ts';
import { NOTE_TOKEN_RE } from '../types.ts';
import { isBrowserCopy } from './carrier.ts';

/** A row's cells: a browser copies a table's cells with a tab between them, a row to a line. */
export const cellsOf = (t: string): string[] => t.split('\t').map((c) => c.trim());

/**
 * Tables: in a browser copy, a run of lines that each hold as many tab-separated cells —
 * two rows or more of three cells and up, three or more of two — is a table, set as one
 * (a row a line, its cells kept apart) rather than as paragraphs of run-together cells.
 * Its first row is its header when it holds no figure and the rows under it do (all of them,
 * in a table of two columns).
 */
export function tables(s: NormState): void {
  if (!isBrowserCopy(s)) return;
  const B = s.blocks;
  const width = B.map((b) => (b.kind === 'para' && b.text.includes('\t') && b.lines.length === 1 ? cellsOf(b.text).length : 0));
  for (let i = 0; i < B.length; i++) {
    const n = width[i];
    if (n < 2) continue;
    let j = i + 1;
    while (j < B.length && width[j] === n) j++;
    const rows = B.slice(i, j);
    const filled = rows.filter((b) => cellsOf(b.text).filter(Boolean).length >= 2).length;
    if (rows.length >= (n >= 3 ? 2 : 3) && filled >= 2) {
      const figures = (b: Block) => /\d/.test(b.text.replace(NOTE_TOKEN_RE, ''));
      // (a two-column table is more often a list of names and values: every row under its header holds a figure)
      const header = !figures(rows[0]) && (n >= 3 ? rows.slice(1).some(figures) : rows.slice(1).every(figures));
      for (const [k, b] of rows.entries()) {
        b.kind = 'row';
        b.row = { first: k === 0, header: k === 0 && header };
      }
      s.changes.push({ kind: 'table', lines: rows.map((b) => b.lines[0]), why: `${rows.length} lines of ${n} tab-separated cells each: a table${header ? ', its first row the header' : ''}` });
    }
    i = j - 1;
  }
}
