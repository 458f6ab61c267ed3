import { create } from 'zustand';
import { registerSessionReset } from './sessionReset';

interface ActivityState {
  /** when main last counted this person as present (this window's clock): sign-in or an answered heartbeat */
  lastActiveAt: number;
  markActive: () => void;
}

/**
 * When the idle timeout started counting, as far as this window knows: main counts only the
 * activity heartbeat (`auth.me`), so every answered heartbeat marks it. The idle warning reads it.
 */
export const useActivityStore = create<ActivityState>((set) => ({
  lastActiveAt: Date.now(),
  markActive: () => set({ lastActiveAt: Date.now() }),
}));

registerSessionReset(() => useActivityStore.setState({ lastActiveAt: Date.now() }));
