/**
 * The one codec for keyset-page cursors (docs/media.md): a page is "everything after this row", so
 * rows arriving while someone scrolls never shift the pages (no OFFSET). A cursor is the last row's
 * sort key as base64url of a JSON array, opaque to the renderer, which only hands it back.
 *
 * Decoding returns null for anything this codec did not write; each list throws its own
 * VALIDATION_FAILED, worded for the page it belongs to.
 */

/** A place in a newest-first list ordered by (createdAt, id): rows strictly older come next. */
export interface KeysetPosition {
  createdAt: number;
  id: string;
}

/** A cursor made of sort-key values, for lists ordered by something other than (createdAt, id). */
export function encodeCursorValues(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values of a cursor from `encodeCursorValues`; null when the text is not one. */
export function decodeCursorValues(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export function encodeKeysetCursor(position: KeysetPosition): string {
  return encodeCursorValues([position.createdAt, position.id]);
}

/** The position a cursor names; null when it is not one or its id fails `isId`. */
export function decodeKeysetCursor(text: string, isId: (id: string) => boolean = () => true): KeysetPosition | null {
  const values = decodeCursorValues(text);
  if (values?.length !== 2) return null;
  const [createdAt, id] = values;
  return Number.isSafeInteger(createdAt) && typeof id === 'string' && isId(id) ? { createdAt: createdAt as number, id } : null;
}
