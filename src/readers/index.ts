// The readers: a source's bytes, by the kind its bytes show, to what the normaliser takes —
// plain text for the text chain, or a read document for a structured original.
import type { Decoded } from '../io/decode.ts';
import type { ReadDocument } from './types.ts';
import { UserError } from '../errors.ts';

export interface ReadOriginal {
  doc: ReadDocument;
  /** The source as lines, for the review page: the report's line numbers point into it. */
  rawText: string;
  encoding: string;
  decoding: string[];
}

export async function readHtmlFile(bytes: Uint8Array, path: string): Promise<ReadOriginal> {
  const [{ decodeHtml }, { readHtml }] = await Promise.all([import('./html/decode.ts'), import('./html/index.ts')]);
  const d: Decoded = decodeHtml(bytes);
  const doc = readHtml(d.text, { mainContent: true });
  if (doc.plainText !== undefined) return { doc, rawText: doc.plainText, encoding: d.encoding, decoding: [...d.notes, 'the page is a plain text set in preformatted lines: read as a text'] };
  if (!doc.blocks.some((b) => /[\p{L}\p{N}]/u.test(b.text))) throw new UserError(`${path}: an HTML page with no body text`);
  return { doc, rawText: d.text, encoding: d.encoding, decoding: d.notes };
}

export async function readEpubFile(bytes: Uint8Array, path: string): Promise<ReadOriginal> {
  const { readEpub } = await import('./epub.ts');
  return readEpub(bytes, path);
}

export async function readPdfFile(bytes: Uint8Array, path: string): Promise<ReadOriginal> {
  const { readPdf } = await import('./pdf/index.ts');
  return readPdf(bytes, path);
}
