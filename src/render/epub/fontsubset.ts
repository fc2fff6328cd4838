// The EPUB carries only the glyphs its text uses: each embedded font is cut down with
// harfbuzz's subsetter (subset-font, the wasm build of hb-subset) to the characters of the
// book's own documents, so a short text's EPUB is small. Same text, same bytes.
import type JSZip from 'jszip';

const ENTITY = /&#x([0-9a-f]+);|&#(\d+);/gi;

/** Every character the book's documents (XHTML, CSS, navigation) can show. */
export async function charactersOf(zip: JSZip): Promise<string> {
  const chars = new Set<string>();
  // ASCII is always kept: a reading system's own strings (page numbers, "1 / 12") use it.
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  for (const [name, f] of Object.entries(zip.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (f.dir || !/\.(xhtml|html|css|ncx|opf)$/.test(name)) continue;
    const text = await f.async('string');
    for (const ch of text.replace(ENTITY, (_, hex, dec) => String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)))) chars.add(ch);
  }
  return [...chars].sort().join('');
}

/** Replaces each font file in the zip by its subset for `text`. */
export async function subsetFonts(zip: JSZip, fontFiles: string[], text: string): Promise<void> {
  const { default: subsetFont } = await import('subset-font');
  for (const path of fontFiles) {
    const entry = zip.file(path);
    if (!entry) continue;
    const full = await entry.async('nodebuffer');
    zip.file(path, await subsetFont(full, text, { targetFormat: 'sfnt' }));
  }
}
