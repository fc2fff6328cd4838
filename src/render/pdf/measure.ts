// Glyph widths from the embedded fonts, as pdfkit (fontkit) will set them, cached by run.
export type Face = 'regular' | 'italic' | 'bold' | 'boldItalic';

export class Measurer {
  private cache = new Map<string, number>();
  /**
   * @param keys the name each face is selected by in pdfkit. The regular face must be
   *   selected by the same key the document was created with: pdfkit re-opens (and
   *   re-parses) a font selected under a second name for the same file on every call.
   */
  constructor(
    private doc: PDFKit.PDFDocument,
    private keys: Record<Face, string>,
  ) {}

  /** Makes a face the document's current font. */
  select(face: Face, size: number): PDFKit.PDFDocument {
    return this.doc.font(this.keys[face]).fontSize(size);
  }

  width(face: Face, size: number, text: string): number {
    const key = `${face}|${size}|${text}`;
    let w = this.cache.get(key);
    if (w === undefined) {
      w = this.select(face, size).widthOfString(text);
      this.cache.set(key, w);
    }
    return w;
  }
}
