import type { MediaVariant } from '../../../shared/contract/mediaUrl';
import type { MediaItem } from '../../../shared/contract/routes/media';
import type { MediaKind } from '../../../shared/domain/media';

/**
 * One media row with its owner's email, as every media query selects it: a single JOIN, so a page
 * of 60 admin items costs one statement, not 60 lookups.
 */
export interface MediaRecord {
  id: string;
  userId: string;
  ownerEmail: string;
  kind: MediaKind;
  jobId: string | null;
  relPath: string;
  thumbRelPath: string | null;
  mimeType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  prompt: string | null;
  negativePrompt: string | null;
  model: string | null;
  params: string | null;
  inputIds: string | null;
  parentMediaId: string | null;
  favorite: number;
  missing: number;
  workstationHost: string;
  workstationUser: string;
  workstationIp: string | null;
  createdAt: number;
}

/** SELECT list for `FROM media m JOIN user u ON u.id = m.user_id`. */
export const MEDIA_RECORD_COLUMNS = `m.id AS id, m.user_id AS userId, u.email AS ownerEmail, m.kind AS kind, m.job_id AS jobId,
  m.rel_path AS relPath, m.thumb_rel_path AS thumbRelPath, m.mime_type AS mimeType, m.bytes AS bytes, m.width AS width,
  m.height AS height, m.duration_ms AS durationMs, m.prompt AS prompt, m.negative_prompt AS negativePrompt, m.model AS model,
  m.params AS params, m.input_ids AS inputIds, m.parent_media_id AS parentMediaId, m.favorite AS favorite, m.missing AS missing,
  m.workstation_host AS workstationHost, m.workstation_user AS workstationUser, m.workstation_ip AS workstationIp,
  m.created_at AS createdAt`;

export const MEDIA_RECORD_FROM = 'media m JOIN user u ON u.id = m.user_id';

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
    favorite: r.favorite === 1,
    missing: r.missing === 1,
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

export function parseJsonObject(text: string | null): Record<string, unknown> {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function parseIdList(text: string | null): string[] {
  try {
    const value: unknown = text ? JSON.parse(text) : [];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
