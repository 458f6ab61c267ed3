import { create } from 'zustand';
import { registerSessionReset } from './sessionReset';

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  message: string;
  /** an optional action, e.g. "Open" a finished result */
  action?: { label: string; run: () => void };
  /** toasts with the same key fold into one with a count (four images of one request: one toast) */
  groupKey?: string;
  count: number;
}

interface ToastState {
  toasts: Toast[];
  push: (toast: Omit<Toast, 'id' | 'count'>) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Short notices (a job finished, a request failed). Per user: cleared when the session ends. */
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push: (toast) => {
    const id = nextId++;
    set((state) => {
      const same = toast.groupKey ? state.toasts.find((t) => t.groupKey === toast.groupKey) : undefined;
      const rest = state.toasts.filter((t) => t !== same);
      return { toasts: [...rest.slice(-4), { ...toast, id, count: (same?.count ?? 0) + 1 }] };
    });
    // errors stay until dismissed: a person who looked away must still be able to read them
    if (toast.tone !== 'error') setTimeout(() => useToasts.getState().dismiss(id), 6_000);
  },
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
}));

registerSessionReset(() => useToasts.setState({ toasts: [] }));
