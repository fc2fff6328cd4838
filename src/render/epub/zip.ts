// The EPUB's zip container, written with Node's own zlib (native deflate; jszip's JavaScript
// deflate cost more than the rest of the EPUB). The entries go in the order given; the first,
// `mimetype`, is stored uncompressed, as the OCF specification requires. Every entry carries
// the same date (UTC fields, so the bytes do not depend on the machine's time zone).
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Absent for a folder. */
  data?: Buffer;
  store?: boolean;
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export function zipArchive(entries: ZipEntry[], modified: Date): Buffer {
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const raw = e.data ?? Buffer.alloc(0);
    const deflate = !!e.data && !e.store && raw.length > 0;
    const body = deflate ? deflateRawSync(raw, { level: 9 }) : raw;
    const crc = raw.length ? crc32(raw) : 0;
    const flags = /[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0; // UTF-8 names flagged
    // the fields the local header and the central directory record share, from "version
    // needed" to the extra field's length (26 bytes), written once for both
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    shared.writeUInt16LE(flags, 2);
    shared.writeUInt16LE(deflate ? 8 : 0, 4);
    shared.writeUInt16LE(time, 6);
    shared.writeUInt16LE(date, 8);
    shared.writeUInt32LE(crc, 10);
    shared.writeUInt32LE(body.length, 14);
    shared.writeUInt32LE(raw.length, 18);
    shared.writeUInt16LE(name.length, 22); // then the extra field's length: 0
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    shared.copy(head, 4);
    locals.push(head, name, body);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4); // version made by
    shared.copy(cen, 6);
    cen.writeUInt32LE(e.data ? 0 : 0x10, 38); // MS-DOS folder attribute
    cen.writeUInt32LE(offset, 42);
    centrals.push(cen, name);
    offset += head.length + name.length + body.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}
