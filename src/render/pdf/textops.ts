// A set line's text as PDF operators, written straight into the page's content: one text
// object per line, each fragment placed by its own text matrix. pdfkit's text() does the
// same per call but wraps every word in its own graphics state and text object and re-reads
// its options each time (a book is tens of thousands of words); the glyphs are the ones the
// line was measured with (metrics.ts), encoded into pdfkit's font subset as its encode does,
// so the page looks the same.
import type { Line } from './paragraph.ts';
import type { Shaped } from './metrics.ts';

/** What this writer uses of pdfkit's embedded font (not in pdfkit's published types). */
interface EmbeddedFont {
  id: string;
  ref(): unknown;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
}

/** pdfkit's font.encode over a run already shaped: each glyph into the subset, its width and text recorded. */
function encode(font: EmbeddedFont, run: Shaped): string[] {
  return run.glyphs.map((glyph) => {
    const gid = font.subset.includeGlyph(glyph.id);
    font.widths[gid] ??= glyph.advanceWidth * font.scale;
    font.unicode[gid] ??= glyph.codePoints;
    return `0000${gid.toString(16)}`.slice(-4);
  });
}

interface PdfkitInternals {
  _font: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** pdfkit's number form: at most six decimals. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Writes a line's fragments on its baseline (top-down page coordinates, as pdfkit's). `shape`
 * makes a fragment's face and size the document's current font and shapes its text, as measuring did.
 */
export function writeLine(doc: PDFKit.PDFDocument, shape: (face: Line['fragments'][number]['face'], size: number, text: string) => Shaped, line: Line, x0: number, baseline: number): void {
  const d = doc as unknown as PdfkitInternals;
  const H = d.page.height;
  const ops: string[] = ['q', `1 0 0 -1 0 ${num(H)} cm`, 'BT'];
  let font = '';
  for (const f of line.fragments) {
    const text = f.text.replace(/\n/g, '');
    if (!text) continue;
    const run = shape(f.face, f.size, text);
    const fnt = d._font;
    if (d.page.fonts[fnt.id] == null) d.page.fonts[fnt.id] = fnt.ref();
    let x = x0 + f.x;
    const y = H - (baseline - f.rise);
    ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
    const tf = `/${fnt.id} ${num(f.size)} Tf`;
    if (tf !== font) ops.push((font = tf));
    const encoded = encode(fnt, run);
    const positions = run.positions;
    // as pdfkit's _fragment: runs of glyphs, each closed by its kerning, a glyph displaced on its own
    const scale = f.size / 1000;
    const commands: string[] = [];
    let last = 0;
    let hadOffset = false;
    const segment = (cur: number) => {
      if (last < cur) commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-(positions[cur - 1].xAdvance - positions[cur - 1].advanceWidth))}`);
      last = cur;
    };
    const flush = (i: number) => {
      segment(i);
      if (commands.length) {
        ops.push(`[${commands.join(' ')}] TJ`);
        commands.length = 0;
      }
    };
    let i = 0;
    for (; i < positions.length; i++) {
      const pos = positions[i];
      if (pos.xOffset || pos.yOffset) {
        flush(i);
        ops.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
        flush(i + 1);
        hadOffset = true;
      } else {
        if (hadOffset) {
          ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
          hadOffset = false;
        }
        if (pos.xAdvance - pos.advanceWidth !== 0) segment(i + 1);
      }
      x += pos.xAdvance * scale;
    }
    flush(i);
  }
  ops.push('ET', 'Q');
  d.addContent(ops.join('\n'));
}
