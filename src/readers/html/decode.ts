// An HTML file's bytes to text: the BOM, then the page's own declaration (HTTP-equiv or
// <meta charset>, by the WHATWG prescan), then UTF-8 if the bytes are valid UTF-8, else
// Windows-1252, as browsers do.
import { getEncoding } from 'encoding-sniffer';
import type { Decoded } from '../../io/decode.ts';

export function decodeHtml(bytes: Uint8Array): Decoded {
  let declared = getEncoding(bytes, { defaultEncoding: 'utf-8' });
  const notes: string[] = [];
  // a page saved again as UTF-8 often keeps its old declaration: bytes that are valid UTF-8 with
  // characters beyond ASCII in it are UTF-8 (a Latin-1 text almost never is; a text in a
  // two-byte encoding, GB2312 or Shift_JIS, never is once it holds a few of its characters)
  const least = SINGLE_BYTE.test(declared) ? 1 : 8;
  if (declared.toLowerCase() !== 'utf-8' && multibyteUtf8(bytes, least)) {
    notes.push(`declared ${declared}, but its bytes are UTF-8: read as UTF-8`);
    declared = 'utf-8';
  }
  let text: string;
  let encoding = declared;
  try {
    text = new TextDecoder(declared, { fatal: declared.toLowerCase() === 'utf-8' }).decode(bytes);
  } catch {
    encoding = 'windows-1252';
    text = new TextDecoder(encoding).decode(bytes);
    notes.push('no encoding declared and not valid UTF-8: read as Windows-1252');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, '\n'), encoding: `${encoding.toUpperCase()} (HTML)`, notes };
}

const SINGLE_BYTE = /^(?:iso-8859-\d+|windows-125\d|us-ascii|latin\d?|macintosh)$/i;

/** Valid UTF-8 holding at least `least` characters beyond ASCII. */
function multibyteUtf8(bytes: Uint8Array, least: number): boolean {
  let n = 0;
  for (let i = 0; i < bytes.length && n < least; i++) if (bytes[i] >= 0xc0) n++;
  if (n < least) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
