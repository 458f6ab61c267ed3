import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { MEDIA_HOST, MEDIA_ID_PATTERN, MEDIA_SCHEME, MEDIA_VARIANTS, type MediaVariant } from '../../../shared/contract/mediaUrl';
import type { Db } from '../../db/client';
import type { Logger } from '../../logger';
import type { Actor, Caller } from '../../identity';
import { findVisibleMedia } from './getMedia';
import { parseRange } from './httpRange';
import type { MediaStore } from './mediaStore';

/**
 * `<id>/<variant>` after the transport's prefix: `studio-media://media/<id>/original` in Electron,
 * `/media/<id>/thumbnail` in the harness. Anything else — extra segments, dots, percent escapes — is
 * not a media URL, so no string from a URL ever reaches a file path. (In Electron the protocol's
 * outer gate has already refused such URLs; this check is the one both transports share.)
 */
const ELECTRON_PATH = /^\/([^/]+)\/([^/]+)$/;
const HTTP_PATH = /^\/media\/([^/]+)\/([^/]+)$/;

/** Files up to this size (every thumbnail and poster) are read whole and sent as bytes. */
const WHOLE_READ_MAX = 512 * 1024;

const BASE_HEADERS = {
  // A signed-out person's media must not come back from a cache for the next person at the screen.
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
} as const;

export interface MediaServerDeps {
  db: Db;
  media: MediaStore;
  logger: Logger;
  /** the router's own mapping from a transport to its signed-in account */
  resolveActor: (caller: Caller) => Actor | null;
}

/**
 * The one media access check for both transports (Electron's protocol handler and the harness's
 * HTTP path): the transport's session must be allowed to see the item (own; an admin also a
 * managed user's), else 404 — the same 404 as for an id that never existed.
 */
export function createMediaServer(deps: MediaServerDeps): (transportId: string, request: Request) => Promise<Response> {
  return async (transportId, request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...BASE_HEADERS, allow: 'GET, HEAD' } });
    }
    const target = parseMediaUrl(request.url);
    const actor = target ? deps.resolveActor({ transportId }) : null;
    const row = target && actor ? findVisibleMedia(deps.db, actor, target.id) : null;
    if (!target || !row) return notFound();

    // `thumbnail` is an image's small WebP or a video's poster frame; `poster` names the latter only
    const relPath = target.variant === 'original' ? row.relPath : target.variant === 'poster' && row.kind !== 'video' ? null : row.thumbRelPath;
    let file = relPath ? await deps.media.resolveContained(relPath) : null;
    let contentType = target.variant === 'original' ? row.mimeType : 'image/webp';
    if (!file && target.variant === 'thumbnail' && row.kind === 'image') {
      // A new result is recorded before its thumbnail is made (docs/media.md, "Thumbnails"), and a
      // crash can leave one for the start-up sweep: meanwhile the picture itself stands in.
      file = await deps.media.resolveContained(row.relPath);
      contentType = row.mimeType;
    }
    if (!file) return notFound();

    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch {
      return notFound();
    }
    try {
      const size = (await handle.stat()).size;
      const range = parseRange(request.headers.get('range'), size);
      const headers: Record<string, string> = { ...BASE_HEADERS, 'content-type': contentType, 'accept-ranges': 'bytes' };
      if (range.type === 'unsatisfiable') {
        await handle.close();
        return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
      }
      const start = range.type === 'partial' ? range.start : 0;
      const end = range.type === 'partial' ? range.end : size - 1;
      headers['content-length'] = String(Math.max(0, end - start + 1));
      if (range.type === 'partial') headers['content-range'] = `bytes ${start}-${end}/${size}`;
      const status = range.type === 'partial' ? 206 : 200;
      if (request.method === 'HEAD' || size === 0) {
        await handle.close();
        return new Response(null, { status, headers });
      }
      // the stream owns the handle from here and closes it when done or aborted
      if (range.type === 'full' && size <= WHOLE_READ_MAX) {
        // a thumbnail or poster: one read and a byte body, instead of a Node stream wrapped as a web
        // stream (several reads and event-loop turns each) — the gallery asks for dozens at once
        const bytes = await handle.readFile();
        await handle.close();
        return new Response(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { status, headers });
      }
      const body = Readable.toWeb(handle.createReadStream({ start, end })) as ReadableStream<Uint8Array>;
      return new Response(body, { status, headers });
    } catch (error) {
      await handle.close().catch(() => {});
      deps.logger.warn('media not served', { mediaId: target.id, error: String(error) });
      return notFound();
    }
  };
}

export function parseMediaUrl(url: string): { id: string; variant: MediaVariant } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const match =
    parsed.protocol === `${MEDIA_SCHEME}:`
      ? parsed.host === MEDIA_HOST
        ? ELECTRON_PATH.exec(parsed.pathname)
        : null
      : HTTP_PATH.exec(parsed.pathname);
  const [, id, variant] = match ?? [];
  if (!id || !variant || !MEDIA_ID_PATTERN.test(id) || !(MEDIA_VARIANTS as readonly string[]).includes(variant)) return null;
  return { id, variant: variant as MediaVariant };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}
