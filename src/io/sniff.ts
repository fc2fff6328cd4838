// What kind of source a file is, from its bytes: the extension only breaks a tie.
import { extname } from 'node:path';

export type SourceKind = 'text' | 'markdown' | 'html' | 'epub' | 'pdf';

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.xht']);

/** The first bytes as Latin-1 text, without a BOM or leading white space. */
function head(bytes: Uint8Array, n: number): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const s = Buffer.from(bytes.subarray(start, start + n)).toString('latin1');
  return s.replace(/\0/g, '').trimStart();
}

/**
 * `%PDF-` is a PDF (the header may follow up to 1 KB of junk, as readers allow); a zip whose
 * first entry is `mimetype` = `application/epub+zip` is an EPUB (any other zip is said to be
 * one, so that the message can name it); a document that opens with a doctype, `<html` or an
 * XML declaration of XHTML is HTML, and so is markup in a file named .html. Everything else is text.
 */
export function sniffKind(bytes: Uint8Array, path: string): SourceKind | 'zip' {
  const ext = extname(path).toLowerCase();
  const first = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (first.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const nameLen = bytes[26] | (bytes[27] << 8);
    const extraLen = bytes[28] | (bytes[29] << 8);
    const name = Buffer.from(bytes.subarray(30, 30 + nameLen)).toString('latin1');
    const body = Buffer.from(bytes.subarray(30 + nameLen + extraLen, 30 + nameLen + extraLen + 20)).toString('latin1');
    // A book that breaks the mimetype-first rule is still tried as an EPUB when it is named one.
    return (name === 'mimetype' && body === 'application/epub+zip') || ext === '.epub' ? 'epub' : 'zip';
  }
  // UTF-16 markup reads as its ASCII letters once the zero bytes are gone.
  const h = head(bytes, 2048).toLowerCase();
  if (/^<!doctype\s+html|^<html[\s>]/.test(h)) return 'html';
  if (/^<\?xml[^>]*\?>\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/.test(h)) return 'html';
  if (HTML_EXT.has(ext) && /^<|<(?:body|head|p|div)[\s>]/.test(h)) return 'html';
  return ext === '.md' ? 'markdown' : 'text';
}

/** The extensions a folder of sources is read for. */
export const SOURCE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.xhtml', '.epub', '.pdf'];
