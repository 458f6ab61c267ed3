/**
 * Events main pushes to the renderer. They come from our own main process, so they are typed, not
 * validated. Each area adds its payloads here.
 */
export type SessionEndReason =
  | 'logout'
  | 'idle'
  | 'expired'
  | 'deactivated'
  | 'deleted'
  | 'password-changed'
  | 'os-lock'
  | 'suspend';

export interface StudioEvents {
  'session.ended': { reason: SessionEndReason };
  /** new items in the media library of `userId` (sent to that user and the admins managing them) */
  'media.created': { userId: string; ids: string[] };
  /** items removed from the media library of `userId` */
  'media.deleted': { userId: string; ids: string[] };
}

export type StudioEventName = keyof StudioEvents;

export const EVENT_NAMES = ['session.ended', 'media.created', 'media.deleted'] as const satisfies readonly StudioEventName[];
