import type { QuotaStatus } from '../domain/quotaStatus';
import type { JobDto } from './routes/generation';

/**
 * Events main pushes to the renderer. They come from our own main process, so they are typed, not
 * validated. Each area adds its payloads here.
 */
export type SessionEndReason = 'logout' | 'idle' | 'expired' | 'deactivated' | 'deleted' | 'password-changed' | 'os-lock' | 'suspend';

export interface StudioEvents {
  'session.ended': { reason: SessionEndReason };
  /** a job of the signed-in user changed state */
  'job.updated': JobDto;
  /** after every reserve, commit, release and policy change: the user's fresh quotas */
  'quota.changed': { userId: string; status: QuotaStatus };
  /** new items in the media library of `userId` (sent to that user and the admins managing them) */
  'media.created': { userId: string; ids: string[] };
  /** items removed from the media library of `userId` */
  'media.deleted': { userId: string; ids: string[] };
  /**
   * what `userId` may generate with changed (their model access, the default they follow, or the
   * catalogue): `generation.models.list` answers differently now
   */
  'models.changed': { userId: string };
}

export type StudioEventName = keyof StudioEvents;
