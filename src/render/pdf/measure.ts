// Glyph widths and runs from the embedded fonts, as pdfkit (fontkit) would set them: from each
// face's metrics (metrics.ts), cached by face, size and text.
import { FaceMetrics, type EmbeddedFont, type Shaped } from './metrics.ts';
import type { FkFont } from './outlined.ts';

export type Face = 'regular' | 'italic' | 'bold' | 'boldItalic';

/** A face's font as fontkit parsed it for the document. */
type DocumentFont = EmbeddedFont['font'] & FkFont & { hasGlyphForCodePoint(cp: number): boolean };

export class Measurer {
  // widths by face and size, then by text (no key string built per call: a book measures ~100,000 times)
  private cache: Record<Face, Map<number, Map<string, number>>> = { regular: new Map(), italic: new Map(), bold: new Map(), boldItalic: new Map() };
  private metrics = new Map<EmbeddedFont, FaceMetrics>();
  private current?: { face: Face; size: number; font: unknown };
  /**
   * @param keys the name each face is selected by in pdfkit. The regular face must be
   *   selected by the same key the document was created with: pdfkit re-opens (and
   *   re-parses) a font selected under a second name for the same file on every call.
   */
  constructor(
    private doc: PDFKit.PDFDocument,
    private keys: Record<Face, string>,
  ) {}

  /** Makes a face the document's current font (at once where it already is: pdfkit looks the font up afresh on every call). */
  select(face: Face, size: number): PDFKit.PDFDocument {
    const d = this.doc as unknown as { _font: unknown; _fontSize: number };
    const c = this.current;
    if (c && c.face === face && c.size === size && d._font === c.font && d._fontSize === size) return this.doc;
    this.doc.font(this.keys[face]).fontSize(size);
    this.current = { face, size, font: d._font };
    return this.doc;
  }

  /** Learns the letter pairs of a text in a face at once (see FaceMetrics.learn; any size: the metrics are the font's). */
  learn(face: Face, text: string): void {
    this.metricsOf(face, 10).learn(text);
  }

  /** The face's font as fontkit parsed it for the document (the face becomes the current font). */
  fontkitFont(face: Face): DocumentFont {
    return (this.select(face, 10) as unknown as { _font: { font: DocumentFont } })._font.font;
  }

  /** The face's metrics; the face becomes the current font at the size. */
  private metricsOf(face: Face, size: number): FaceMetrics {
    const font = (this.select(face, size) as unknown as { _font: EmbeddedFont })._font;
    let fm = this.metrics.get(font);
    if (!fm) this.metrics.set(font, (fm = new FaceMetrics(font)));
    return fm;
  }

  /** A word (no space or tab) shaped in a face, as fontkit shapes it; the face becomes the current font. */
  shape(face: Face, size: number, text: string): Shaped {
    return this.metricsOf(face, size).shape(text);
  }

  width(face: Face, size: number, text: string): number {
    let widths = this.cache[face].get(size);
    if (!widths) this.cache[face].set(size, (widths = new Map()));
    let w = widths.get(text);
    if (w === undefined) {
      if (/[ \t]/.test(text)) w = this.select(face, size).widthOfString(text);
      else {
        // as pdfkit's widthOfString: the run's advance, scaled to the size (no spacing, no scaling)
        let units = 0;
        for (const p of this.shape(face, size, text).positions) units += p.xAdvance;
        w = ((units * (size / 1000) + 0 * (text.length - 1)) * 100) / 100;
      }
      widths.set(text, w);
    }
    return w;
  }
}
