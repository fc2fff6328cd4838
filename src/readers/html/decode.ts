// An HTML file's bytes to text: the BOM, then the page's own declaration (HTTP-equiv or
// <meta charset>, by the WHATWG prescan), then UTF-8 if the bytes are valid UTF-8, else
// Windows-1252, as browsers do.
import { getEncoding } from 'encoding-sniffer';
import type { Decoded } from '../../io/decode.ts';

export function decodeHtml(bytes: Uint8Array): Decoded {
  const declared = getEncoding(bytes, { defaultEncoding: 'utf-8' });
  const notes: string[] = [];
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
