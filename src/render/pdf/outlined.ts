// Marginalia drawn as glyph outlines rather than text: the original edition's page numbers
// are for the eye. Kept out of the text layer, they never land in a copied quotation, a
// search or a screen reader's reading of the paragraph, and tools that measure the text
// (pdftotext, the typography gauges) see the text alone — as the EPUB's stylesheet-drawn
// numbers stay out of its words.
// The font is the document's own (pdfkit's fontkit font), not the file opened a second time.

interface FkGlyph {
  path: { toSVG(): string };
}
export interface FkFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: FkGlyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
}

/** Width of the text set in the font at a size, kerning included. */
export function outlinedWidth(font: FkFont, text: string, size: number): number {
  return (font.layout(text).positions.reduce((n, p) => n + p.xAdvance, 0) * size) / font.unitsPerEm;
}

/** Fills the text's glyph outlines with its baseline at (x, y). */
export function drawOutlined(doc: PDFKit.PDFDocument, font: FkFont, text: string, x: number, y: number, size: number, colour: string): void {
  const run = font.layout(text);
  const k = size / font.unitsPerEm;
  let pen = 0;
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i];
    const svg = g.path.toSVG();
    if (svg) {
      doc.save();
      // font units, y up → page points, y down
      doc.translate(x + (pen + p.xOffset) * k, y - p.yOffset * k).scale(k, -k);
      doc.path(svg).fill(colour);
      doc.restore();
    }
    pen += p.xAdvance;
  });
}
