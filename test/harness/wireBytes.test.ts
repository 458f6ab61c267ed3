import { randomBytes } from 'node:crypto';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BYTES_TAG, ENCODE_BYTES_SOURCE, MalformedBytesError, reviveBytes } from './wireBytes';

/**
 * The harness's encoding of bytes over JSON: the page's replacer (run here from the same source
 * the bridge script serves) and the server's reviver give back exactly the bytes, as a plain
 * Uint8Array — the type Electron's IPC delivers.
 */

/**
 * The bridge's replacer, built from its source. Chromium has `Uint8Array.prototype.toBase64` (the
 * e2e specs run that path), Node 24 does not: `toBase64: true` lends each array one, `false`
 * takes the btoa path of browsers without it.
 */
function encoder(options: { toBase64: boolean }): (key: string, value: unknown) => unknown {
  const encode = vm.runInNewContext(`(${ENCODE_BYTES_SOURCE})`, { Uint8Array, btoa, String }) as (key: string, value: unknown) => unknown;
  return (key, value) => {
    if (value instanceof Uint8Array) {
      const toBase64 = options.toBase64 ? () => Buffer.from(value).toString('base64') : undefined;
      Object.defineProperty(value, 'toBase64', { value: toBase64 });
    }
    return encode(key, value);
  };
}

describe('bytes over the harness transport', () => {
  for (const toBase64 of [true, false]) {
    it(`come back byte for byte as a plain Uint8Array (${toBase64 ? 'toBase64' : 'btoa in chunks'})`, () => {
      // more than one 32 KiB chunk, and a length that is not a multiple of 3 (padding)
      const file = new Uint8Array(randomBytes(100_001));
      const wire = JSON.stringify({ route: 'media.import', input: { bytes: file, fileName: 'a.png' } }, encoder({ toBase64 }));
      expect(JSON.parse(wire)).toMatchObject({ input: { bytes: { [BYTES_TAG]: expect.any(String) } } });

      const body = JSON.parse(wire, reviveBytes) as { input: { bytes: Uint8Array; fileName: string } };
      expect(Object.getPrototypeOf(body.input.bytes)).toBe(Uint8Array.prototype);
      expect(Buffer.from(body.input.bytes).equals(Buffer.from(file))).toBe(true);
      expect(body.input.fileName).toBe('a.png');
    });
  }

  it('leaves everything else as JSON has it, including an empty file and objects that only look similar', () => {
    const wire = JSON.stringify({ a: new Uint8Array(0), b: { [BYTES_TAG]: 'AA==', other: 1 }, c: [1, 2], d: 'text' }, encoder({ toBase64: true }));
    const parsed = JSON.parse(wire, reviveBytes) as Record<string, unknown>;
    expect(parsed.a).toEqual(new Uint8Array(0));
    expect(parsed.b).toEqual({ [BYTES_TAG]: 'AA==', other: 1 });
    expect(parsed.c).toEqual([1, 2]);
    expect(parsed.d).toBe('text');
  });

  it('refuses garbled base64 instead of decoding it into other bytes', () => {
    for (const text of ['not*base64!', 'AAA', 42]) {
      expect(() => JSON.parse(JSON.stringify({ bytes: { [BYTES_TAG]: text } }), reviveBytes)).toThrow(MalformedBytesError);
    }
  });
});
