import { crc32, inflateSync } from 'node:zlib';

/** A PNG decoded by the tests, apart from the library that wrote it: its size and its pixels as RGBA rows. */
export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row. */
  rgba: Buffer;
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes one row's filter (PNG spec, section 9) in place, given the row before it (already unfiltered). */
function unfilter(type: number, row: Buffer, prev: Buffer, bpp: number): void {
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp]! : 0;
    const b = prev[i]!;
    const c = i >= bpp ? prev[i - bpp]! : 0;
    const add = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
    if (add === undefined) throw new Error(`bad filter type ${type}`);
    row[i] = (row[i]! + add) & 0xff;
  }
}

/** Decodes an 8-bit RGBA or RGB PNG (what resvg writes), checking its signature and every chunk's CRC. */
export function decodePng(png: Buffer): DecodedPng {
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || (data[9] !== 6 && data[9] !== 2)) throw new Error(`unsupported PNG: depth ${data[8]}, colour type ${data[9]}`);
      channels = data[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`pixel data of ${raw.length} bytes for ${width}×${height}`);
  const rgba = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    unfilter(raw[y * (stride + 1)]!, row, prev, channels);
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) rgba[(y * width + x) * 4 + k] = row[x * channels + k]!;
      rgba[(y * width + x) * 4 + 3] = channels === 4 ? row[x * channels + 3]! : 255;
    }
    prev = row;
  }
  return { width, height, rgba };
}

/** How many pixels of the band [top, bottom) are dark (text, axes), not background or a light fill. */
export function darkPixels(img: DecodedPng, top: number, bottom: number, left = 0, right = img.width): number {
  let n = 0;
  for (let y = top; y < bottom; y++)
    for (let x = left; x < right; x++) {
      const i = (y * img.width + x) * 4;
      if (img.rgba[i]! + img.rgba[i + 1]! + img.rgba[i + 2]! < 200) n++;
    }
  return n;
}
