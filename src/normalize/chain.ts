// The normaliser: one table of named passes, in order. Each is a function of the shared
// state; read top to bottom, this is everything that happens to a raw text.
import type { NormState, Sidecar } from './types.ts';
import { lines } from './passes/lines.ts';
import { pages } from './passes/pages.ts';
import { cruft } from './passes/cruft.ts';
import { carrier } from './passes/carrier.ts';
import { chrome } from './passes/chrome.ts';
import { comments } from './passes/comments.ts';
import { contents } from './passes/contents.ts';
import { indexes } from './passes/indexes.ts';
import { transcription } from './passes/transcription.ts';
import { notes } from './passes/notes.ts';
import { unwrap } from './passes/unwrap.ts';
import { numbering } from './passes/numbering.ts';
import { inlinePages } from './passes/inlinepages.ts';
import { meta } from './passes/meta.ts';
import { tables } from './passes/tables.ts';
import { structure } from './passes/structure.ts';
import { errata } from './passes/errata.ts';
import { emphasis } from './passes/emphasis.ts';
import { typography } from './passes/typography.ts';
import { midHyphens } from './passes/midhyphens.ts';
import { pagemarks } from './passes/pagemarks.ts';
import { emit } from './emit.ts';

type Pass = [name: string, fn: (s: NormState) => void];

export const PASSES: Pass[] = [
  ['pages', pages], // page markers, folios, running heads, form feeds → page breaks
  ['transcription', transcription], // a transcriber's marks: quotations, no-wrap blocks, queries, page-break hyphens
  ['comments', comments], // a web page's comment thread
  ['cruft', cruft], // e-text licences, comment forms, share links
  ['carrier', carrier], // how the text was carried: wrapped or not, its measure, a page layout
  ['chrome', chrome], // a browser copy's site header, navigation and footer
  ['indexes', indexes], // the source's own index
  ['contents', contents], // the source's own table of contents
  ['notes', notes], // footnotes: bodies and marks found together, marks linked, bodies out of the stream
  ['unwrap', unwrap], // lines → paragraphs, dehyphenated
  ['inline-pages', inlinePages], // page markers inside the text: [Pg 12]
  ['numbering', numbering], // notes numbered in reading order
  ['meta', meta], // title, byline, dates → front matter; sidecar adds and corrects
  ['tables', tables], // a browser copy's tab-separated rows → tables
  ['structure', structure], // headings, lists, quotations, captions
  ['errata', errata], // the sidecar's known typos
  ['emphasis', emphasis], // letter-spacing and _underscores_ → emphasis
  ['mid-hyphens', midHyphens], // a hyphen a lost wrap left inside a line: ware- house
  ['typography', typography], // quotes, dashes, ellipses, spaces
  ['pagemarks', pagemarks], // every original page number kept, where its page begins
];

export interface Normalized {
  markdown: string;
  state: NormState;
}

/**
 * Raw text → Markdown model. `afterPass` is told when each pass is done (the command uses it
 * to collect a huge text's garbage between passes, so memory stays near what is live).
 */
export function normalize(text: string, sidecar: Sidecar = { meta: {} }, afterPass?: (name: string) => void): Normalized {
  const s: NormState = {
    raw: [], items: [], blocks: [], bodies: [], notes: [], meta: {}, sidecar, mode: 'lines', measure: 0,
    lexicon: new Map(), changes: [], doubts: [], pageLabels: [],
  };
  lines(s, text);
  for (const [name, fn] of PASSES) {
    fn(s);
    afterPass?.(name);
  }
  return { markdown: emit(s), state: s };
}
