import { UserError } from '../errors.ts';
import { CONTROL, takeOutControls } from '../normalize/controls.ts';

export interface Decoded {
  text: string;
  encoding: string;
  /** What decoding changed, for the report (line endings, BOM). */
  notes: string[];
}

// Windows-1252's 0x80–0x9F block; the rest of the byte range maps straight to Latin-1.
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : b);
  return out;
}

/** Share of code units (bytes, or UTF-16's) that are control characters other than tab, LF, CR, form feed and escape (a terminal log's). */
function controlShare(units: ArrayLike<number>): number {
  let n = 0;
  const len = Math.min(units.length, 65536);
  for (let i = 0; i < len; i++) {
    const b = units[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) n++;
  }
  return len ? n / len : 0;
}

/**
 * Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such;
 * bytes that are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1 for text).
 * Binary data and empty files are refused with a message naming the file.
 */
export function decodeText(bytes: Uint8Array, name: string): Decoded {
  const notes: string[] = [];
  if (bytes.length === 0) throw new UserError(`${name}: the file is empty`);
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'UTF-16LE (BOM)';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'UTF-16BE (BOM)';
  } else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    let utf8: string | undefined;
    try {
      utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
    } catch {}
    // Binary data is rarely valid UTF-8 and is dense with control bytes. A text extracted from a
    // PDF may hold a few (a symbol font's unmapped glyphs: pdftotext wrote ⟨ ⟩ as \x04 \x07), so
    // valid UTF-8 without NULs may hold up to 5 % of them; anything else 1 %.
    const limit = utf8 !== undefined && !bytes.subarray(0, 65536).includes(0) ? 0.05 : 0.01;
    if (controlShare(bytes) > limit) throw new UserError(`${name}: this looks like a binary file, not text`);
    if (utf8 !== undefined) {
      text = utf8;
      encoding = bom ? 'UTF-8 (BOM)' : 'UTF-8';
    } else {
      text = decodeCp1252(bytes);
      encoding = 'Windows-1252';
      notes.push('not valid UTF-8: read as Windows-1252 (Latin-1)');
    }
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    notes.push('line endings CRLF/CR converted to LF');
  }
  if (CONTROL.test(text)) {
    // (UTF-16's bytes were not counted above: its characters are)
    if (encoding.startsWith('UTF-16') && controlShare(Uint16Array.from(text.slice(0, 65536), (c) => c.charCodeAt(0))) > 0.01) throw new UserError(`${name}: this looks like a binary file, not text`);
    const [clean, n] = takeOutControls(text);
    text = clean;
    notes.push(`${n} control character${n === 1 ? '' : 's'} taken out (glyphs the extraction could not map to text)`);
  }
  if (text.trim() === '') throw new UserError(`${name}: the file has no text`);
  return { text: text.normalize('NFC'), encoding, notes };
}
