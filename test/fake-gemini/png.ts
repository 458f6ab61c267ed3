// Minimal PNG encoder and inspector (8-bit RGB, no dependency). Real PNGs
// matter: the app decodes, thumbnails and stores what Gemini returns, so a
// 1×1 placeholder would hide bugs in that pipeline.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(...parts: Buffer[]): number {
  let c = 0xffffffff;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) c = CRC_TABLE[(c ^ part[i]!) & 0xff]! ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(head.subarray(4), data), 0);
  return Buffer.concat([head, data, crc]);
}

export interface EncodeOptions {
  /** zlib level; lower is faster. */
  level?: number;
  /**
   * Use the PNG "Sub" row filter. It helps smooth images compress (like a real
   * encoder would) at the cost of one pass over the pixels.
   */
  subFilter?: boolean;
}

/** Encode `rgb` (width*height*3 bytes, row-major) as an 8-bit truecolour PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array, opts: EncodeOptions = {}): Buffer {
  if (rgb.length !== width * height * 3) throw new Error(`encodePng: expected ${width * height * 3} bytes, got ${rgb.length}`);
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const src = y * stride;
    const dst = y * (stride + 1);
    if (opts.subFilter) {
      raw[dst] = 1;
      for (let x = 0; x < stride; x++) raw[dst + 1 + x] = (rgb[src + x]! - (x >= 3 ? rgb[src + x - 3]! : 0)) & 0xff;
    } else {
      raw[dst] = 0;
      raw.set(rgb.subarray(src, src + stride), dst + 1);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const idat = deflateSync(raw, { level: opts.level ?? 6 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunkTypes: string[];
  /** Length of the inflated image data (height * (1 + bytes per row) for a valid image). */
  inflatedBytes: number;
}

/**
 * Parse a PNG, verify every chunk CRC, and inflate the image data. Throws on
 * any inconsistency. Enough to prove "this is a decodable PNG" in tests
 * without an image library.
 */
export function inspectPng(png: Buffer): PngInfo {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let ihdr: Buffer | undefined;
  let offset = 8;
  while (offset < png.length) {
    if (offset + 12 > png.length) throw new Error('truncated chunk header');
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (data.length !== length || offset + 12 + length > png.length) throw new Error(`truncated ${type} chunk`);
    const stored = png.readUInt32BE(offset + 8 + length);
    const computed = crc32(png.subarray(offset + 4, offset + 8), data);
    if (stored !== computed) throw new Error(`bad CRC in ${type} chunk`);
    chunkTypes.push(type);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (!ihdr || chunkTypes[0] !== 'IHDR') throw new Error('IHDR must come first');
  if (chunkTypes[chunkTypes.length - 1] !== 'IEND') throw new Error('missing IEND');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr[8]!;
  const colorType = ihdr[9]!;
  const inflatedBytes = inflateSync(Buffer.concat(idat)).length;
  const channels = colorType === 2 ? 3 : colorType === 6 ? 4 : colorType === 0 ? 1 : colorType === 4 ? 2 : 1;
  const expected = height * (1 + Math.ceil((width * channels * bitDepth) / 8));
  if (colorType !== 3 && inflatedBytes !== expected) throw new Error(`image data is ${inflatedBytes} bytes, expected ${expected}`);
  return { width, height, bitDepth, colorType, chunkTypes, inflatedBytes };
}
