import { describe, expect, it } from 'vitest';
import { parseRange } from '../../src/main/services/media/httpRange';
import { classifyFileName, monthFolder, originalRelPath } from '../../src/main/services/media/layout';
import { parseMediaUrl } from '../../src/main/services/media/serveMedia';
import { sniffMediaType } from '../../src/main/services/media/sniff';
import { toFtsQuery } from '../../src/main/services/media/searchQuery';
import { parseFfmpegDescription } from '../../src/main/services/media/thumbnails';

describe('byte ranges', () => {
  it('serves one range as asked, clipped to the file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ type: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ type: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ type: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ type: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ type: 'partial', start: 0, end: 999 });
  });

  it('calls a range past the end unsatisfiable', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ type: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ type: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ type: 'unsatisfiable' });
  });

  it('answers the whole file for no, several or malformed ranges', () => {
    for (const header of [null, '', 'bytes=0-1,4-5', 'items=0-1', 'bytes=5-1', 'bytes=-', 'bytes=a-b']) {
      expect(parseRange(header, 1000)).toEqual({ type: 'full' });
    }
  });
});

describe('media URLs', () => {
  it('accepts exactly <id>/<variant> under each transport’s prefix', () => {
    expect(parseMediaUrl('studio-media://media/abc-1_2/original')).toEqual({ id: 'abc-1_2', variant: 'original' });
    expect(parseMediaUrl('http://127.0.0.1:5000/media/abc/thumbnail')).toEqual({ id: 'abc', variant: 'thumbnail' });
    expect(parseMediaUrl('studio-media://media/v1/poster')).toEqual({ id: 'v1', variant: 'poster' });
  });

  it('rejects everything else', () => {
    for (const url of [
      'studio-media://media/abc',
      'studio-media://elsewhere/abc/original',
      'studio-media://media/a.b/original',
      'studio-media://media/%2e%2e/original',
      'http://127.0.0.1/media/abc/original/x',
      'http://127.0.0.1/abc/original',
      'not a url',
    ]) {
      expect(parseMediaUrl(url)).toBeNull();
    }
  });
});

describe('type sniffing', () => {
  const bytes = (...values: (number | string)[]) =>
    Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

  it('recognises PNG, JPEG, WebP, MP4 and WebM by their first bytes', () => {
    expect(sniffMediaType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))?.mimeType).toBe('image/png');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))?.mimeType).toBe('image/jpeg');
    expect(sniffMediaType(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))?.mimeType).toBe('image/webp');
    expect(sniffMediaType(bytes(0, 0, 0, 0x18, 'ftypisom'))?.mimeType).toBe('video/mp4');
    expect(sniffMediaType(bytes(0x1a, 0x45, 0xdf, 0xa3))?.mimeType).toBe('video/webm');
  });

  it('rejects lookalikes: HEIF/AVIF images in an ftyp box, text, a RIFF that is not WebP', () => {
    expect(sniffMediaType(bytes(0, 0, 0, 0x18, 'ftypheic'))).toBeNull();
    expect(sniffMediaType(bytes(0, 0, 0, 0x18, 'ftypavif'))).toBeNull();
    expect(sniffMediaType(bytes('<svg xmlns='))).toBeNull();
    expect(sniffMediaType(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });
});

describe('search text', () => {
  it('quotes every word and matches beginnings of words of two or more characters', () => {
    expect(toFtsQuery('red fox')).toBe('"red"* "fox"*');
    expect(toFtsQuery('a cat')).toBe('"a" "cat"*');
    expect(toFtsQuery('fox" OR * NEAR(')).toBe('"fox"* "OR"* "NEAR"*');
    expect(toFtsQuery('  !!! ')).toBeNull();
  });
});

describe('file layout', () => {
  it('names files by id under the UTC year and month', () => {
    expect(monthFolder(Date.UTC(2026, 0, 1, 0, 30))).toBe('media/2026/01');
    expect(originalRelPath('abc', 'png', Date.UTC(2026, 10, 30, 23, 59))).toBe('media/2026/11/abc.png');
  });

  it('tells originals, thumbnails and temp files apart by name', () => {
    expect(classifyFileName('abc.png')).toEqual({ type: 'original', id: 'abc' });
    expect(classifyFileName('abc.thumb.webp')).toEqual({ type: 'thumb', id: 'abc' });
    expect(classifyFileName('.abc.png.1f2e.tmp')).toEqual({ type: 'temp' });
    expect(classifyFileName('holiday photo.png')).toEqual({ type: 'unknown' });
    expect(classifyFileName('Thumbs.db')).toEqual({ type: 'unknown' });
  });
});

describe('ffmpeg output', () => {
  it('reads duration and frame size from the input description', () => {
    const text = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x.mp4':
  Duration: 00:00:08.04, start: 0.000000, bitrate: 37 kb/s
    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709), 1280x720 [SAR 1:1 DAR 16:9], 29 kb/s, 24 fps`;
    expect(parseFfmpegDescription(text)).toEqual({ durationMs: 8040, width: 1280, height: 720 });
    expect(parseFfmpegDescription('nonsense')).toEqual({ durationMs: null, width: null, height: null });
  });
});

describe('stored media paths', () => {
  it('resolve only inside the media folder, whatever a row says', async () => {
    const { absoluteOf } = await import('../../src/main/services/media/layout');
    expect(absoluteOf('/data', 'media/2026/11/abc.png')).toBe('/data/media/2026/11/abc.png');
    for (const tampered of [
      '../etc/passwd',
      '/etc/passwd',
      'media/2026/11/../../../studio.sqlite',
      'media/2026/11/..',
      'exports/x.png',
      'media/2026/11/a/b.png',
    ]) {
      expect(() => absoluteOf('/data', tampered)).toThrow(/not a stored media path/);
    }
  });
});
