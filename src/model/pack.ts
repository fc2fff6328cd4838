// A reading pack: several texts bound as one Book. Each piece keeps its own title, author
// and source (a Part), its notes numbered from 1 as in its own edition, and anchors
// prefixed so that nothing clashes across pieces.
import type { Block, Book, BookMeta, Part } from './book.ts';
import { parseBook } from './parse.ts';
import { maxOf, minOf } from '../collections.ts';

export interface PieceInput {
  /** The piece's Markdown model. */
  markdown: string;
  /** What the pack's editor says of the piece, over its front matter (title, author, date, source). */
  overrides?: Partial<Record<keyof Part, string>>;
}

export interface PackInput {
  meta: BookMeta & { editor?: string };
  /** The editor's introduction, in Markdown; it comes before the pieces, outside them. */
  introduction?: string;
  pieces: PieceInput[];
}

/** Moves a piece's headings so its top level is `to`: every piece's chapters sit at one level. */
function levelHeadings(bs: Block[], by: number): Block[] {
  return bs.map((b) =>
    b.kind === 'heading' ? { ...b, level: b.level + by } : b.kind === 'quote' ? { ...b, blocks: levelHeadings(b.blocks, by) } : b,
  );
}

const topLevel = (book: Book) => {
  const ls = book.chapters.flatMap((c) => c.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { level: number }).level));
  return minOf(ls, 2);
};

/** Markdown models → one Book: the introduction's chapters, then each piece as a part. */
export function bindPack(input: PackInput): Book {
  const book: Book = { meta: input.meta, chapters: [], notes: new Map(), parts: [], pages: [], warnings: [] };
  let noteBase = 0;
  const add = (piece: Book, part?: number) => {
    const shift = 2 - topLevel(piece);
    const offset = book.chapters.length;
    for (const ch of piece.chapters) book.chapters.push({ ...ch, blocks: levelHeadings(ch.blocks, shift), part });
    for (const [key, note] of piece.notes) book.notes.set(key, { ...note, chapter: note.chapter + offset });
    for (const p of piece.pages) book.pages.push({ ...p, chapter: p.chapter + offset });
    noteBase = Math.max(noteBase, maxOf(piece.notes.keys()));
  };
  if (input.introduction) {
    const intro = parseBook(input.introduction, { title: 'Introduction', language: input.meta.language }, { prefix: 'intro-' });
    book.warnings.push(...intro.warnings.map((w) => `introduction: ${w}`));
    // Its title is its heading: the pack's title page is not the introduction's.
    const first = intro.chapters[0];
    if (first && first.blocks[0]?.kind !== 'heading') first.blocks.unshift({ kind: 'heading', level: topLevel(intro), id: 'intro-title', content: [{ kind: 'text', text: intro.meta.title }] });
    add(intro);
  }
  input.pieces.forEach((p, i) => {
    const prefix = `p${i + 1}-`;
    const piece = parseBook(p.markdown, { language: input.meta.language }, { prefix, noteBase });
    const m = { ...piece.meta, ...p.overrides };
    book.parts.push({
      title: String(m.title),
      subtitle: m.subtitle as string | undefined,
      author: m.author as string | undefined,
      date: m.date as string | undefined,
      original_publication: m.original_publication as string | undefined,
      source: m.source as string | undefined,
      translator: m.translator as string | undefined,
      rights: m.rights as string | undefined,
      id: `${prefix}part`,
    });
    book.warnings.push(...piece.warnings.map((w) => `${m.title}: ${w}`));
    add(piece, i);
  });
  return book;
}
