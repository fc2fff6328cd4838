import type { NormState } from '../normalize/types.ts';
import { NOTE_TOKEN_RE } from '../normalize/types.ts';
import { pushTo } from '../collections.ts';
import { EAST_ASIAN as EAST_ASIAN_CLASS } from '../normalize/letters.ts';

export interface BuildReport {
  source: string;
  encoding: string;
  decoding: string[];
  wrapping: string;
  counts: { words: number; paragraphs: number; headings: number; quotations: number; listItems: number; notes: number; pages: number; changes: number; doubts: number };
  changes: NormState['changes'];
  doubts: NormState['doubts'];
  epub?: { bytes: number; warnings: string[] };
  pdf?: { bytes: number; pages: number; missingGlyphs: string[] };
}

// (Chinese and Japanese are counted by their characters, as their own word counts are)
const EAST_ASIAN = new RegExp(`[${EAST_ASIAN_CLASS}]`, 'gu');
const wordCount = (t: string) =>
  t
    .replace(NOTE_TOKEN_RE, ' ')
    .split(/\s+/)
    .reduce((n, w) => {
      const chars = w.match(EAST_ASIAN)?.length ?? 0;
      return n + chars + (/[\p{L}\p{N}]/u.test(chars ? w.replace(EAST_ASIAN, '') : w) ? 1 : 0);
    }, 0);

/** The build report: counts, every change with its raw line numbers, and every doubt. A `.md` source has no normalisation to report. */
export function makeReport(source: string, encoding: string, decoding: string[], s?: NormState, carrier?: string): BuildReport {
  if (!s) return { source, encoding, decoding, wrapping: 'markdown source', counts: { words: 0, paragraphs: 0, headings: 0, quotations: 0, listItems: 0, notes: 0, pages: 0, changes: 0, doubts: 0 }, changes: [], doubts: [] };
  const kinds = (k: string) => s.blocks.filter((b) => b.kind === k).length;
  return {
    source,
    encoding,
    decoding,
    wrapping: carrier ? `${carrier} original` : s.mode,
    counts: {
      words: s.blocks.reduce((n, b) => n + wordCount(b.text), 0) + s.notes.reduce((n, x) => n + wordCount(x.text), 0),
      paragraphs: kinds('para') + kinds('quote'),
      headings: kinds('heading') + (s.meta.title ? 1 : 0),
      quotations: kinds('quote'),
      listItems: kinds('item'),
      notes: s.notes.length,
      pages: s.pageLabels.length ? s.pageLabels.length + 1 : 0,
      changes: s.changes.length,
      doubts: s.doubts.length,
    },
    changes: s.changes,
    doubts: s.doubts,
  };
}

/** One line for the terminal. */
export function summaryLine(name: string, r: BuildReport): string {
  const c = r.counts;
  return `${name}: ${c.words} words, ${c.paragraphs} paragraphs, ${c.headings} headings, ${c.notes} notes, ${c.changes} changes, ${c.doubts} doubts (${r.encoding}, ${r.wrapping})`;
}

/** The doubts grouped by kind, for the terminal: an editor's checklist. */
export function doubtLines(r: BuildReport, max = 3): string[] {
  const byKind = new Map<string, typeof r.doubts>();
  for (const d of r.doubts) pushTo(byKind, d.kind, d);
  const out: string[] = [];
  for (const [kind, ds] of byKind) {
    out.push(`  ${ds.length} × ${kind}`);
    for (const d of ds.slice(0, max)) out.push(`    line ${d.lines[0] ?? '?'}: ${d.message.slice(0, 110)}`);
    if (ds.length > max) out.push(`    … and ${ds.length - max} more in the report`);
  }
  return out;
}
