// The normaliser's shared state. Every pass is a function (state) => void over this
// record, registered in order in chain.ts, the way markdown-it's core rules work.

/** One physical line of the raw text, numbered from 1 as `cat -n` does. */
export interface RawLine {
  no: number;
  text: string;
}

/** The line stream after page furniture is taken out: text, blank lines and page breaks. */
export type Item =
  | { kind: 'text'; no: number; text: string; pageStart?: boolean; region?: Region; itemLabel?: string; /** An index's sub-entry: 1 under the entry before it. */ depth?: number }
  | { kind: 'blank'; no: number }
  | { kind: 'page'; no: number; label?: string };

/** A stretch marked as what it is: a block quotation, lines not to be rewrapped (tables, verse), the source's contents. */
export type Region = 'quote' | 'nowrap' | 'contents' | 'index';
/** The source's contents and index: lists of entries, a line each, that neither hold nor cite notes. */
export const listsEntries = (r: Region | undefined): boolean => r === 'contents' || r === 'index';

export type BlockKind = 'para' | 'heading' | 'item' | 'quote' | 'byline' | 'break' | 'code' | 'row';

/** A block of the cleaned document: a paragraph, heading, list item or quotation. */
export interface Block {
  kind: BlockKind;
  /** Inline text. Note references are held as NOTE_OPEN + id + NOTE_CLOSE until emit. */
  text: string;
  /** Raw line numbers the block was built from. */
  lines: number[];
  /** Lengths of the physical lines (evidence for measure: quotations are set narrower). */
  widths: number[];
  /** Page index (0-based, in order of page breaks) where the block starts. */
  page: number;
  level?: number;
  label?: string;
  /** A list item's nesting under the item before it (an index's sub-entry: 1). */
  depth?: number;
  region?: Region;
  /** A table's row (its cells split by tabs): the first of its table, and whether it is the header. */
  row?: { first: boolean; header: boolean };
  /** A short first line that the unwrapping set apart from the full line under it: a title in sentence case. */
  leads?: boolean;
  /** Blank lines before the block in the source, where more than one (an e-text sets four before a chapter's heading). */
  gap?: number;
  /** Code: the indentation common to its lines, taken off when it is written. */
  indent?: number;
  /** Original edition page labels that begin inside this block, with their character offset. */
  /** Original edition page labels that begin inside this block: `at` is the character offset in the
   * unwrapped text (for the passes that read pages), `letters` the count of letters before it,
   * which survives the later passes' changes to quotes, dashes, spaces and note labels. */
  pageMarks?: { label: string; at: number; letters: number }[];
}

/** A footnote body found in the raw text. */
export interface NoteBody {
  /** The label as the source wrote it: "12", "*", "a". */
  label: string;
  text: string;
  lines: number[];
  /** Page index of the page foot it sat in, or -1 for an end-of-text notes list. */
  page: number;
  /** The raw line it stood at, for placing it when nothing refers to it. */
  after: number;
  /** Its index among the bodies: the note token that refers to it carries this until numbering. */
  id: number;
  /** Where it was found, or `missing` for a note the source lacks (sidecar text, placeholder). */
  zone: 'foot' | 'block' | 'list' | 'missing';
  /** How many marks in the text were linked to it. */
  marks: number;
}

export interface Note {
  id: number;
  text: string;
  lines: number[];
  /** The source's own label. */
  label: string;
}

/** A record of something the normaliser changed: nothing leaves the text without one. */
export interface Change {
  kind: string;
  lines: number[];
  from?: string;
  to?: string;
  why?: string;
}

/** Something the normaliser decided on thin evidence, for an editor to check. */
export interface Doubt {
  kind: string;
  lines: number[];
  message: string;
}

export interface Metadata {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  original_publication?: string;
  source?: string;
  language?: string;
  rights?: string;
  description?: string;
  publisher?: string;
  [key: string]: unknown;
}

export type WrapMode = 'lines' | 'trailing-space' | 'blank-line';

export interface NormState {
  raw: RawLine[];
  items: Item[];
  blocks: Block[];
  bodies: NoteBody[];
  notes: Note[];
  meta: Metadata;
  /** Metadata given by the sidecar; it adds to or corrects what the text carries. */
  sidecar: Sidecar;
  mode: WrapMode;
  /** The body text's measure in characters (wrapped texts), 0 when not wrapped. */
  measure: number;
  /** The extraction kept the page layout (indentation marks paragraphs). */
  layout?: boolean;
  /** Form feeds that cut the text into pages (pdftotext's): a typeset page's text, never a browser copy. */
  formFeeds?: number;
  /** A web page's comment thread began at this raw line: what stands above it is the text's, whatever its shape. */
  threadAt?: number;
  /** A web page's headings as its contents box names them (heading key → depth, 1 for "3", 2 for "3.1"). */
  headingNames?: Map<string, number>;
  /** The raw lines that head the source's index (its "Index" line): the structure pass sets them as headings. */
  indexHeadings?: Set<number>;
  /** Lower-cased words of the text itself, with counts: the lexicon for decisions. */
  lexicon: Map<string, number>;
  changes: Change[];
  doubts: Doubt[];
  pageLabels: string[];
  /** The original page number of the text's first page, when it can be told. */
  startLabel?: string;
}

export interface Sidecar {
  meta: Metadata;
  /** Text for notes the source lost, keyed by the source's label. */
  notes?: Record<string, string>;
  /** What to do with a reference that has no body. */
  missing_notes?: 'drop' | 'placeholder';
  /** Known typos to correct: each is reported. */
  errata?: { from: string; to: string }[];
}

export const NOTE_OPEN = '\uE000';
export const NOTE_CLOSE = '\uE001';
export const noteToken = (id: number): string => `${NOTE_OPEN}${id}${NOTE_CLOSE}`;
export const NOTE_TOKEN_RE = /\uE000(\d+)\uE001/g;
/** An original page break placed in a block's text at emit: PAGE_OPEN + label + PAGE_CLOSE. */
export const PAGE_OPEN = '\uE005';
export const PAGE_CLOSE = '\uE006';
export const PAGE_TOKEN_RE = /\uE005([^\uE006]*)\uE006/g;
/** Emphasis in a block's text: EM_OPEN … EM_CLOSE is *…* at emit (twice each: **…**). */
export const EM_OPEN = '\uE002';
export const EM_CLOSE = '\uE003';
/** Where a reference with no body stood: kept as evidence for the structure passes, never emitted. */
export const DROPPED_REF = '\uE004';
/**
 * A transcription's inline tag (`<i>`, `</sc>`) held as TAG_OPEN + name + TAG_CLOSE from the
 * transcription pass to the emphasis pass, so that no pass between reads the line as markup (code).
 */
export const TAG_OPEN = '\uE008';
export const TAG_CLOSE = '\uE009';
export const TAG_TOKEN_RE = /\uE008(\/?[a-z]{1,6})\uE009/g;
/** A line break kept inside a block (verse): a Markdown hard break at emit. */
export const HARD_BREAK = '\uE007';
