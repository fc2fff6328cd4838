// The PDF reader: pdf.js's runs (extract.ts) → lines → blocks and notes (layout.ts).
import { UserError } from '../../errors.ts';
import type { ReadOriginal } from '../index.ts';
import { extractText } from './extract.ts';
import { layOut } from './layout.ts';

export async function readPdf(bytes: Uint8Array, path: string): Promise<ReadOriginal> {
  const { pages, info } = await extractText(bytes, path);
  if (!pages.some((p) => p.lines.length)) throw new UserError(`${path}: a PDF with no text (scanned pages need OCR first)`);
  const laid = layOut(pages);
  const hints: Record<string, string> = {};
  if (info.title) hints.title = info.title;
  if (info.author) hints.author = info.author;
  if (info.language) hints.language = info.language;
  return {
    doc: { blocks: laid.blocks, bodies: laid.bodies, meta: {}, hints, changes: laid.changes, doubts: laid.doubts, carrier: 'PDF' },
    rawText: laid.rawText,
    encoding: 'PDF',
    decoding: [],
  };
}
