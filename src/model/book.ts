// The Book: the typed document both renderers read. Built from the Markdown model by
// markdown-it + markdown-it-footnote (parse.ts); nothing here knows about EPUB or PDF.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  /** `note` is the note's key in the book; `n` the number the reader sees (they differ in a pack). */
  | { kind: 'noteref'; note: number; n: number; /** 0 for the first reference to a note, 1… for repeats */ repeat: number }
  | { kind: 'break' }
  /** Where a page of the original edition begins: `label` is its number, `id` a unique anchor. */
  | { kind: 'pagebreak'; label: string; id: string };

export type Block =
  | { kind: 'heading'; level: number; id: string; content: Inline[] }
  | { kind: 'para'; content: Inline[] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'rule' }
  /** A table: its header row (none when the source gave it empty), its rows, each column's alignment. */
  | { kind: 'table'; align: Align[]; head: Inline[][]; rows: Inline[][][] };

export type Align = 'left' | 'right' | 'center' | '';

/** A code listing: a paragraph of code runs, a line break between them (set flush, unjustified). */
export const isListing = (b: Block): boolean => b.kind === 'para' && b.content.length > 0 && b.content.every((i) => i.kind === 'code' || i.kind === 'break');

export interface Note {
  /** The number shown to the reader, 1… within its piece. */
  n: number;
  /** Anchor suffix, unique in the book: `fn-<id>`, `ref-<id>` ("3"; "p2-3" in a pack). */
  id: string;
  blocks: Block[];
  /** Chapter index where the note is first referred to (its body goes at that chapter's end). */
  chapter: number;
}

export interface Chapter {
  /** Stable file stem and anchor prefix, e.g. "ch03". */
  id: string;
  title: string;
  /** Headings inside the chapter, for the contents (nested by level). */
  blocks: Block[];
  /** Notes whose bodies end this chapter, in order of first reference. */
  notes: number[];
  /** The piece of a reading pack the chapter belongs to. */
  part?: number;
}

/** A piece of a reading pack: a text with its own title, author and source. */
export interface Part {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  original_publication?: string;
  source?: string;
  translator?: string;
  rights?: string;
  /** Anchor of the part's opening. */
  id: string;
}

export interface BookMeta {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  original_publication?: string;
  language: string;
  source?: string;
  rights?: string;
  description?: string;
  publisher?: string;
  [key: string]: unknown;
}

export interface Book {
  meta: BookMeta;
  chapters: Chapter[];
  /** Notes by key (see Inline noteref). */
  notes: Map<number, Note>;
  /** The pieces of a reading pack; empty for a single text. */
  parts: Part[];
  /** The original edition's pages, in reading order, with the chapter each begins in. */
  pages: { label: string; id: string; chapter: number }[];
  /** Problems found in the Markdown (missing or duplicate notes…), for the build report. */
  warnings: string[];
}

/** Plain text of inline content (no note markers), for titles, metadata and checks. */
export function plain(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.kind === 'text' || i.kind === 'code' ? i.text : i.kind === 'break' ? ' ' : 'children' in i ? plain(i.children) : ''))
    .join('');
}

/** Plain text of a block and everything in it (no note markers). */
export function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
    case 'para':
      return plain(b.content);
    case 'quote':
      return b.blocks.map(blockText).join(' ');
    case 'list':
      return b.items.flat().map(blockText).join(' ');
    case 'rule':
      return '';
    case 'table':
      return [b.head, ...b.rows].map((r) => r.map(plain).join(' ')).join(' ');
  }
}
