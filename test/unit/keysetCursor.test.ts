import { describe, expect, it } from 'vitest';
import { decodeCursorValues, decodeKeysetCursor, encodeCursorValues, encodeKeysetCursor } from '../../src/main/db/keysetCursor';
import { MEDIA_ID_PATTERN } from '../../src/shared/contract/mediaUrl';

const b64 = (json: string) => Buffer.from(json).toString('base64url');

describe('keyset cursors', () => {
  it('round-trip a (createdAt, id) position', () => {
    const position = { createdAt: 1_790_000_000_000, id: 'abc-123' };
    expect(decodeKeysetCursor(encodeKeysetCursor(position))).toEqual(position);
  });

  it('refuse anything encodeKeysetCursor did not make', () => {
    for (const bad of ['', 'x', 'not a cursor', b64('{}'), b64('[1]'), b64('[1,"a",2]'), b64('[1.5,"a"]'), b64('["1","a"]'), b64('[1,2]')]) {
      expect(decodeKeysetCursor(bad)).toBeNull();
    }
  });

  it('refuse an id the list does not hand out', () => {
    const isMediaId = (id: string) => MEDIA_ID_PATTERN.test(id);
    expect(decodeKeysetCursor(b64('[1,"a/b"]'), isMediaId)).toBeNull();
    expect(decodeKeysetCursor(b64('[1,"../etc"]'), isMediaId)).toBeNull();
    expect(decodeKeysetCursor(encodeKeysetCursor({ createdAt: 1, id: 'abc-123' }), isMediaId)).toEqual({ createdAt: 1, id: 'abc-123' });
  });

  it('carry other sort keys as a list of values', () => {
    expect(decodeCursorValues(encodeCursorValues(['email', 'a"b@x.example', 0.25]))).toEqual(['email', 'a"b@x.example', 0.25]);
    expect(decodeCursorValues(b64('{"a":1}'))).toBeNull();
    expect(decodeCursorValues('%%%')).toBeNull();
  });
});
