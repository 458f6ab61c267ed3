import { create } from 'zustand';
import { registerSessionReset } from './sessionReset';

export interface Toast {
  id: number;
  /** 'info' is neutral (a person's own cancel); 'error' stays until its page is left or its cause is fixed */
  tone: 'info' | 'success' | 'error';
  message: string;
  /** an optional action, e.g. "Open" a finished result */
  action?: { label: string; run: () => void };
  /** toasts with the same key fold into one with a count (four images of one request: one toast) */
  groupKey?: string;
  count: number;
  /** the page (route path) that raised it; an error toast leaves with its page */
  page: string;
}

/** How long a success or neutral toast stays while nobody points at it or focuses it. */
export const TOAST_LIFETIME_MS = 5_000;
/** at most this many toasts at once; the oldest give way */
const MAX_TOASTS = 3;

interface ToastState {
  toasts: Toast[];
  push: (toast: Omit<Toast, 'id' | 'count' | 'page'> & { page?: string }) => number;
  dismiss: (id: number) => void;
  /** the person moved to another page: error toasts raised elsewhere go */
  pageChanged: (page: string) => void;
}

let nextId = 1;

/**
 * Short notices (a job finished, a request failed). Per user: cleared when the session ends.
 * Success and neutral toasts time out in the `Toasts` component (which pauses them on hover and
 * focus); an error toast belongs to the page that raised it: it goes when the person leaves that
 * page, dismisses it, or the same page reports a success (its cause is fixed).
 */
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push: (toast) => {
    const id = nextId++;
    const page = toast.page ?? currentPage();
    set((state) => {
      const same = toast.groupKey ? state.toasts.find((t) => t.groupKey === toast.groupKey) : undefined;
      const rest = state.toasts.filter((t) => t !== same && !(toast.tone === 'success' && t.tone === 'error' && t.page === page));
      return { toasts: [...rest.slice(-(MAX_TOASTS - 1)), { ...toast, page, id, count: (same?.count ?? 0) + 1 }] };
    });
    return id;
  },
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  pageChanged: (page) =>
    set((state) => {
      const kept = state.toasts.filter((t) => t.tone !== 'error' || t.page === page);
      return kept.length === state.toasts.length ? state : { toasts: kept };
    }),
}));

/** The route path from the hash-history address ("#/image?x=1" → "/image"). */
function currentPage(): string {
  const hash = typeof window === 'undefined' ? '' : window.location.hash;
  return hash.replace(/^#/, '').split(/[?#]/)[0] || '/';
}

registerSessionReset(() => useToasts.setState({ toasts: [] }));
