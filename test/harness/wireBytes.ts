/**
 * How bytes cross the harness's HTTP transport. Electron's IPC copies a Uint8Array as it is
 * (structured clone); JSON cannot carry one, so the harness bridge (bridgeScript.ts) writes each as
 * `{ "$bytes": "<base64>" }` and the server turns that back into a plain Uint8Array before the
 * router. Handlers therefore see the same type from both transports.
 */
export const BYTES_TAG = '$bytes';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class MalformedBytesError extends Error {}

/** A `JSON.parse` reviver: `{ "$bytes": base64 }` (that key alone) becomes a Uint8Array. */
export function reviveBytes(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== BYTES_TAG) return value;
  const text = (value as Record<string, unknown>)[BYTES_TAG];
  // Node's decoder skips what is not base64, which would quietly turn a garbled upload into another file
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) throw new MalformedBytesError('bytes: not valid base64');
  const buffer = Buffer.from(text, 'base64');
  // a plain Uint8Array over the decoded memory (no copy), not a Buffer: what Electron's IPC delivers
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The page-side encoder, as source for the bridge script (which is plain JavaScript served to the
 * page): a `JSON.stringify` replacer. Uses `Uint8Array.prototype.toBase64` where the browser has
 * it, else `btoa` over chunks (one call per 32 KiB keeps argument lists within the engine's limits).
 */
export const ENCODE_BYTES_SOURCE = `function encodeBytes(_key, value) {
    if (!(value instanceof Uint8Array)) return value;
    if (typeof value.toBase64 === 'function') return { ${JSON.stringify(BYTES_TAG)}: value.toBase64() };
    let binary = '';
    for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode.apply(null, value.subarray(i, i + 0x8000));
    return { ${JSON.stringify(BYTES_TAG)}: btoa(binary) };
  }`;
