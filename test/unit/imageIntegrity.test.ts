// The structure check a result from Google passes before it is recorded (media/imageIntegrity.ts):
// whole files of each format pass, and every way a file arrives broken is caught without decoding.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkImageStructure } from '../../src/main/services/media/imageIntegrity';

async function encoded(format: 'png' | 'jpeg' | 'webp'): Promise<Buffer> {
  const noise = Buffer.alloc(96 * 64 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  return sharp(noise, { raw: { width: 96, height: 64, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

const ext = { png: 'png', jpeg: 'jpg', webp: 'webp' } as const;

describe('checking an image is whole without decoding it', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('accepts a whole %s', async (format) => {
    const whole = await encoded(format);
    expect(() => checkImageStructure(whole, { ext: ext[format] })).not.toThrow();
  });

  it.each(['png', 'jpeg', 'webp'] as const)('refuses a %s cut off at any of several points', async (format) => {
    const whole = await encoded(format);
    for (const keep of [0.25, 0.5, 0.9, (whole.length - 1) / whole.length]) {
      const cut = whole.subarray(0, Math.floor(whole.length * keep));
      expect(() => checkImageStructure(cut, { ext: ext[format] }), `${format} cut to ${cut.length} of ${whole.length} bytes`).toThrow();
    }
  });

  it('refuses a PNG with one byte changed anywhere in its data (the chunk CRCs)', async () => {
    const whole = await encoded('png');
    for (const at of [20, Math.floor(whole.length / 2), whole.length - 20]) {
      const changed = Buffer.from(whole);
      changed[at] = changed[at]! ^ 0x01;
      expect(() => checkImageStructure(changed, { ext: 'png' }), `byte ${at}`).toThrow(/CRC|chunk/);
    }
  });

  it('refuses a PNG whose first chunk is not its header, and a PNG with no image data', async () => {
    const whole = await encoded('png');
    const noHeader = Buffer.concat([whole.subarray(0, 8), whole.subarray(8 + 25)]);
    expect(() => checkImageStructure(noHeader, { ext: 'png' })).toThrow(/IHDR/);
    const iend = whole.indexOf('IEND', 8, 'latin1') - 4;
    const firstIdat = whole.indexOf('IDAT', 8, 'latin1') - 4;
    const noData = Buffer.concat([whole.subarray(0, firstIdat), whole.subarray(iend)]);
    expect(() => checkImageStructure(noData, { ext: 'png' })).toThrow(/no image data/);
  });

  it('accepts a JPEG padded with a few zero bytes after its end marker, as some encoders write it', async () => {
    const padded = Buffer.concat([await encoded('jpeg'), Buffer.alloc(4)]);
    expect(() => checkImageStructure(padded, { ext: 'jpg' })).not.toThrow();
  });
});
