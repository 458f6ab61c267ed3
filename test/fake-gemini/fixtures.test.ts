import { describe, expect, it } from 'vitest';
import { fixtureMp4, MP4_FIXTURE_PATH } from './fixtures.ts';
import { imageFor, makePatternPng, makePhotographicPng } from './images.ts';
import { crc32, inspectPng } from './png.ts';

describe('MP4 fixture', () => {
  it('is an ISO BMFF file that starts with an ftyp box and carries moov + mdat', () => {
    const mp4 = fixtureMp4();
    expect(MP4_FIXTURE_PATH).toMatch(/fixtures[\\/]video-2s-320x180\.mp4$/);
    expect(mp4.length).toBeGreaterThan(10_000);
    expect(mp4.length).toBeLessThan(100_000);
    const size = mp4.readUInt32BE(0);
    expect(mp4.toString('ascii', 4, 8)).toBe('ftyp');
    expect(size).toBeGreaterThanOrEqual(16);
    expect(mp4.toString('ascii', 8, 12)).toBe('isom');
    // Walk the top-level boxes: they must tile the file exactly.
    const boxes: string[] = [];
    let offset = 0;
    while (offset < mp4.length) {
      const len = mp4.readUInt32BE(offset);
      boxes.push(mp4.toString('ascii', offset + 4, offset + 8));
      expect(len).toBeGreaterThanOrEqual(8);
      offset += len;
    }
    expect(offset).toBe(mp4.length);
    // moov before mdat: "faststart", so a player can start before the whole file is read.
    expect(boxes.indexOf('moov')).toBeGreaterThan(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(mp4.includes(Buffer.from('avc1'))).toBe(true);
    expect(mp4.includes(Buffer.from('mp4a'))).toBe(true);
  });
});

describe('PNG generation', () => {
  it('produces a decodable 64x64 pattern PNG with valid IHDR and CRCs', () => {
    const png = makePatternPng(64, 64, 7);
    const info = inspectPng(png);
    expect(info).toMatchObject({ width: 64, height: 64, bitDepth: 8, colorType: 2, chunkTypes: ['IHDR', 'IDAT', 'IEND'] });
    expect(info.inflatedBytes).toBe(64 * (1 + 64 * 3));
    // IHDR CRC checked by hand too, against the standard CRC-32 check value.
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const ihdrCrc = png.readUInt32BE(8 + 8 + 13);
    expect(ihdrCrc).toBe(crc32(png.subarray(12, 16 + 13)));
  });

  it('rejects a corrupted PNG', () => {
    const png = Buffer.from(makePatternPng(16, 16, 1));
    png[20] = png[20]! ^ 0xff; // inside IHDR data
    expect(() => inspectPng(png)).toThrow(/bad CRC in IHDR/);
  });

  it('varies images by seed and caches by size and seed', () => {
    const a = imageFor({ kind: 'pattern', width: 64, height: 64 }, 1);
    const b = imageFor({ kind: 'pattern', width: 64, height: 64 }, 2);
    expect(a.equals(b)).toBe(false);
    expect(imageFor({ kind: 'pattern', width: 64, height: 64 }, 1)).toBe(a);
  });

  it('makes a 2048x2048 photographic PNG of several MB', () => {
    const png = makePhotographicPng(2048, 2048, 1);
    const info = inspectPng(png);
    expect(info).toMatchObject({ width: 2048, height: 2048, colorType: 2 });
    expect(png.length).toBeGreaterThan(3_000_000);
    expect(png.length).toBeLessThan(2048 * 2048 * 3);
    expect(makePhotographicPng(64, 64, 2).equals(makePhotographicPng(64, 64, 3))).toBe(false);
  });
});
