import type { Book } from '../../model/book.ts';
import { blockText } from '../../model/book.ts';
import { BOX_DRAWING } from './paragraph.ts';

/** The book's text and metadata, all of it, as plain text. */
export function bookText(book: Book): string {
  return [
    ...Object.values(book.meta).map(String),
    ...book.chapters.flatMap((c) => [c.title, ...c.blocks.map(blockText)]),
    ...[...book.notes.values()].flatMap((n) => n.blocks.map(blockText)),
  ].join(' ');
}

/** Every character of the book's text and metadata that a font (the document's, by its file name) has no glyph for. */
export function missingGlyphs(book: Book, fonts: [string, { hasGlyphForCodePoint(cp: number): boolean }][]): string[] {
  const text = bookText(book);
  const chars = new Set([...text].filter((c) => c.codePointAt(0)! > 32 && c !== '\u00ad' && !BOX_DRAWING.test(c)));
  const missing = new Set<string>();
  for (const [file, font] of fonts) {
    for (const c of chars) if (!font.hasGlyphForCodePoint(c.codePointAt(0)!)) missing.add(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${c} (${file})`);
  }
  return [...missing].sort();
}
