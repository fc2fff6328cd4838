// A PNG from an RGBA pixel buffer, written with Node's zlib. pureimage's own encoder reads the
// bitmap a pixel at a time and tries every row filter in JavaScript (0.2 s for a cover); the
// cover is flat colour and anti-aliased type, for which the Up filter does as well, and zlib's
// default level comes within 8 % of its best in a quarter of the time.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An opaque RGBA bitmap as an 8-bit RGB PNG (alpha dropped: a cover has no transparency). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const stride = width * 3;
  const row = 4 * width;
  const raw = Buffer.alloc((stride + 1) * height);
  const px = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1) + 1;
    raw[o - 1] = 2; // Up: each byte less the one above it
    const s0 = y * row;
    // a row the same as the one above is all zeros, as the buffer already is (most of a flat cover)
    if (y && px.compare(px, s0 - row, s0, s0, s0 + row) === 0) continue;
    for (let x = 0, s = s0; x < stride; x += 3, s += 4) {
      // (row 0 is less zeros)
      const up = y ? s - row : -1;
      raw[o + x] = (rgba[s] - (up < 0 ? 0 : rgba[up])) & 0xff;
      raw[o + x + 1] = (rgba[s + 1] - (up < 0 ? 0 : rgba[up + 1])) & 0xff;
      raw[o + x + 2] = (rgba[s + 2] - (up < 0 ? 0 : rgba[up + 2])) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}
