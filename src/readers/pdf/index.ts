// The PDF reader: pdf.js's runs (extract.ts) → lines → blocks and notes (layout.ts).
import { UserError } from '../../errors.ts';
import type { ReadOriginal } from '../index.ts';
import { extractText } from './extract.ts';
import { layOut } from './layout.ts';
import { loose } from '../../normalize/text.ts';

export async function readPdf(bytes: Uint8Array, path: string): Promise<ReadOriginal> {
  const { pages, info } = await extractText(bytes, path);
  if (!pages.some((p) => p.lines.length)) throw new UserError(`${path}: a PDF with no text (scanned pages need OCR first)`);
  const laid = layOut(pages);
  const hints: Record<string, string> = {};
  const meta: Record<string, string> = {};
  // the document's Title, where a heading of its first pages says the same, is its title
  const title = info.title ? laid.blocks.findIndex((b) => b.page <= 1 && loose(b.text) === loose(info.title!)) : -1;
  if (title >= 0) {
    meta.title = info.title!;
    laid.changes.push({ kind: 'move-to-front-matter', lines: laid.blocks[title].lines, from: laid.blocks[title].text, to: `title: ${info.title}`, why: "the PDF's Title, set on its first page" });
    laid.blocks.splice(title, 1);
  } else if (info.title) hints.title = info.title;
  if (info.author) hints.author = info.author;
  if (info.language) hints.language = info.language;
  return {
    doc: { blocks: laid.blocks, bodies: laid.bodies, meta, hints, changes: laid.changes, doubts: laid.doubts, carrier: 'PDF' },
    rawText: laid.rawText,
    encoding: 'PDF',
    decoding: [],
  };
}
