import { create } from 'zustand';
import { registerSessionReset } from './sessionReset';

interface NavigationState {
  /** the page shown in the app shell; null means the first page this account may see */
  pageId: string | null;
  /** bumped by a `fresh` visit: the shell keys the page by it, so the page mounts anew */
  visit: number;
  /** `fresh`: open the page anew even if it is showing (it then reads a pending generator intent) */
  go: (pageId: string, options?: { fresh?: boolean }) => void;
}

export const useNavigationStore = create<NavigationState>((set) => ({
  pageId: null,
  visit: 0,
  go: (pageId, options) => set((state) => ({ pageId, visit: options?.fresh ? state.visit + 1 : state.visit })),
}));

// The next person starts on the first page, not on the admin page the last one left open.
registerSessionReset(() => useNavigationStore.setState({ pageId: null, visit: 0 }));
