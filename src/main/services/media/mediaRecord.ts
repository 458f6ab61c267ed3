import type { MediaVariant } from '../../../shared/contract/mediaUrl';
import type { MediaItem } from '../../../shared/contract/routes/media';
import type { MediaRecord } from './mediaRepository';

export interface DtoContext {
  /** `studio-media://media/` (Electron) or `/media/` (harness) */
  urlBase: string;
  /** admins see each item's owner and workstation */
  forAdmin: boolean;
}

export function mediaUrl(urlBase: string, id: string, variant: MediaVariant): string {
  return `${urlBase}${id}/${variant}`;
}

export function toMediaItem(r: MediaRecord, ctx: DtoContext): MediaItem {
  return {
    id: r.id,
    kind: r.kind,
    url: mediaUrl(ctx.urlBase, r.id, 'original'),
    thumbUrl: r.thumbRelPath ? mediaUrl(ctx.urlBase, r.id, 'thumbnail') : null,
    mimeType: r.mimeType,
    bytes: r.bytes,
    width: r.width,
    height: r.height,
    durationMs: r.durationMs,
    prompt: r.prompt,
    negativePrompt: r.negativePrompt,
    model: r.model,
    favorite: r.favorite,
    missing: r.missing,
    createdAt: r.createdAt,
    parentMediaId: r.parentMediaId,
    jobId: r.jobId,
    ...(ctx.forAdmin
      ? {
          owner: { userId: r.userId, email: r.ownerEmail },
          workstation: { hostName: r.workstationHost, osUser: r.workstationUser, ipv4: r.workstationIp },
        }
      : {}),
  };
}
