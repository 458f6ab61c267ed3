import { create } from 'zustand';
import { registerSessionReset } from './sessionReset';

interface NavigationState {
  /** the page shown in the app shell; null means the first page this account may see */
  pageId: string | null;
  go: (pageId: string) => void;
}

export const useNavigationStore = create<NavigationState>((set) => ({
  pageId: null,
  go: (pageId) => set({ pageId }),
}));

// The next person starts on the first page, not on the admin page the last one left open.
registerSessionReset(() => useNavigationStore.setState({ pageId: null }));
