import { create } from 'zustand';
import type { SessionEndReason } from '../../../shared/contract/events';
import { clearEverythingForNextPerson } from './sessionReset';

interface SessionState {
  /** bumped at every session end: the whole screen tree is mounted afresh, with nothing of before */
  generation: number;
  /** why the last session ended, for the sign-in screen; says nothing about who it was */
  notice: string | null;
  /** the workstation's idle timeout as last reported, to word the notice */
  idleTimeoutMinutes: number;
  setIdleTimeoutMinutes: (minutes: number) => void;
  dismissNotice: () => void;
}

/**
 * Not a per-user store: it survives a session end on purpose, to carry the reason to the sign-in
 * screen. It holds no personal data.
 */
export const useSessionStore = create<SessionState>((set) => ({
  generation: 0,
  notice: null,
  idleTimeoutMinutes: 15,
  setIdleTimeoutMinutes: (idleTimeoutMinutes) => set({ idleTimeoutMinutes }),
  dismissNotice: () => set({ notice: null }),
}));

export function endOfSessionNotice(reason: SessionEndReason, idleMinutes: number): string | null {
  switch (reason) {
    case 'logout':
      return null;
    case 'idle':
      return `You were signed out after ${idleMinutes} minutes without activity.`;
    case 'expired':
      return 'Your session reached its 8-hour limit. Please sign in again.';
    case 'deactivated':
      return 'Your account was deactivated. Ask your admin if this is a mistake.';
    case 'deleted':
      return 'Your account was deleted.';
    case 'password-changed':
      return 'Your password was changed or reset. Sign in with the new one.';
    case 'os-lock':
      return 'You were signed out because the screen was locked.';
    case 'suspend':
      return 'You were signed out because the computer went to sleep.';
  }
}

/**
 * The one way a session ends in the renderer, whatever ended it (main's `session.ended`, the
 * sign-out button, a request that found the session gone): every per-user store and the query
 * cache are cleared, then the screens are mounted afresh on the sign-in page.
 */
export function endSession(reason: SessionEndReason): void {
  clearEverythingForNextPerson();
  useSessionStore.setState((s) => ({ generation: s.generation + 1, notice: endOfSessionNotice(reason, s.idleTimeoutMinutes) }));
}
