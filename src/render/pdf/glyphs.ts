import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Book } from '../../model/book.ts';
import { blockText } from '../../model/book.ts';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): { hasGlyphForCodePoint(cp: number): boolean } };


/** Every character of the book's text and metadata that a font file has no glyph for. */
export function missingGlyphs(book: Book, fontsDir: string, files: string[]): string[] {
  const text = [
    ...Object.values(book.meta).map(String),
    ...book.chapters.flatMap((c) => [c.title, ...c.blocks.map(blockText)]),
    ...[...book.notes.values()].flatMap((n) => n.blocks.map(blockText)),
  ].join(' ');
  const chars = new Set([...text].filter((c) => c.codePointAt(0)! > 32 && c !== '\u00ad'));
  const missing = new Set<string>();
  for (const file of files) {
    const font = fontkit.openSync(join(fontsDir, file));
    for (const c of chars) if (!font.hasGlyphForCodePoint(c.codePointAt(0)!)) missing.add(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${c} (${file})`);
  }
  return [...missing].sort();
}
