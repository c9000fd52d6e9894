import { crc32, deflateRawSync } from 'node:zlib';

// A zip written by hand, so that a test can build what no zip library writes: a part whose headers declare a
// size it does not have (a zip bomb with lying headers).

export interface ZipPart {
  name: string;
  data: Buffer;
  /** The uncompressed size the headers declare; by default the true one. */
  declaredSize?: number;
}

/** A record of little-endian fields, each [bytes, value]. */
function record(fields: [2 | 4, number][]): Buffer {
  const buf = Buffer.alloc(fields.reduce((n, [bytes]) => n + bytes, 0));
  let at = 0;
  for (const [bytes, value] of fields) {
    if (bytes === 2) buf.writeUInt16LE(value, at);
    else buf.writeUInt32LE(value, at);
    at += bytes;
  }
  return buf;
}

/** The parts as a zip (deflated, no extra fields, dated 1 January 1980), with the sizes each part declares. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const compressed = deflateRawSync(part.data, { level: 9 });
    // version, flags, method (deflate), time, date, CRC-32, compressed size, declared size, name length
    const common: [2 | 4, number][] = [
      [2, 20],
      [2, 0],
      [2, 8],
      [2, 0],
      [2, 0x21],
      [4, crc32(part.data)],
      [4, compressed.length],
      [4, part.declaredSize ?? part.data.length],
      [2, name.length],
    ];
    const local = record([[4, 0x04034b50], ...common, [2, 0]]);
    // made by, then the common fields, then extra, comment, disk, internal and external attributes, offset
    const central = record([[4, 0x02014b50], [2, 20], ...common, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = record([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, parts.length],
    [2, parts.length],
    [4, directory.length],
    [4, offset],
    [2, 0],
  ]);
  return Buffer.concat([...locals, directory, end]);
}
