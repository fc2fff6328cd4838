import type { Block, Change, Doubt, Metadata, NoteBody } from '../normalize/types.ts';

/** What a reader of a structured original gives the normaliser: blocks with note tokens, the note bodies, what it decided. */
export interface ReadDocument {
  blocks: Block[];
  bodies: NoteBody[];
  /** The original's own metadata (an EPUB's package): it wins over what the text's head suggests. */
  meta: Metadata;
  /** Metadata the original only hints at (a page's <title>, <meta name="author">): used where nothing better is found. */
  hints: Metadata;
  changes: Change[];
  doubts: Doubt[];
  /** What carried the text, for the report: "HTML", "EPUB", "PDF". */
  carrier: string;
  /** A page that is a plain text set in preformatted lines (an RFC, a text file saved as a page): that text, for the text chain. */
  plainText?: string;
}
