import { MEDIA_HOST, MEDIA_ID_PATTERN, MEDIA_SCHEME, MEDIA_VARIANTS, type MediaVariant } from '../../shared/contract/mediaUrl';
import type { Core } from '../coreApi';
import { type ProtocolLike, parseSchemeUrl, refuseRequest } from './protocolGuard';

/**
 * `studio-media://media/<id>/<variant>`: how the renderer shows images and videos. File bytes never
 * travel over IPC (docs/media.md); the core checks that the signed-in session may see the item, resolves
 * the file with realpath containment and answers range requests so videos seek.
 *
 * This file is the outer gate: anything that is not exactly that URL shape is a 404 before the core
 * is asked. Threat: path traversal (`../../studio.sqlite`), encoded separators or dots that a later
 * decode would turn into a path, and odd variants that might map to other files.
 */

export interface MediaRequestTarget {
  id: string;
  variant: MediaVariant;
}

export function parseMediaUrl(rawUrl: string): MediaRequestTarget | null {
  const url = parseSchemeUrl(rawUrl, MEDIA_SCHEME, MEDIA_HOST);
  if (!url || url.search !== '' || url.hash !== '') return null;

  const segments = url.pathname.split('/');
  // ['', id, variant]: exactly two segments, so `..`, `.` and extra depth are all refused.
  if (segments.length !== 3 || segments[0] !== '') return null;
  const [, id, variant] = segments;
  if (id === undefined || variant === undefined) return null;
  if (!MEDIA_ID_PATTERN.test(id)) return null;
  if (!(MEDIA_VARIANTS as readonly string[]).includes(variant)) return null;
  return { id, variant: variant as MediaVariant };
}

const notFound = (): Response => new Response('Not found', { status: 404 });

/**
 * Registers the handler (after `ready`). `currentTransportId` names the window whose session the
 * request is served for: a protocol request does not say which webContents made it, and the app has
 * exactly one window, so it is that window's transport. With no window there is no session to serve.
 */
export function registerMediaProtocol(options: {
  protocol: ProtocolLike;
  core: Pick<Core, 'serveMedia'>;
  currentTransportId: () => string | null;
}): void {
  const { protocol, core, currentTransportId } = options;
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const refused = refuseRequest(request);
    if (refused) return refused;
    if (!parseMediaUrl(request.url)) return notFound();
    const transportId = currentTransportId();
    if (!transportId) return notFound();
    try {
      return await core.serveMedia(transportId, request);
    } catch {
      return new Response('Internal error', { status: 500 });
    }
  });
}
