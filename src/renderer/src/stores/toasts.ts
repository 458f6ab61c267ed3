import { create } from 'zustand';
import { registerSessionReset } from './sessionReset';

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  message: string;
  /** an optional action, e.g. "Open" a finished result */
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  push: (toast: Omit<Toast, 'id'>) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Short notices (a job finished, a request failed). Per user: cleared when the session ends. */
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push: (toast) => {
    const id = nextId++;
    set((state) => ({ toasts: [...state.toasts.slice(-4), { ...toast, id }] }));
    // errors stay until dismissed: a person who looked away must still be able to read them
    if (toast.tone !== 'error') setTimeout(() => useToasts.getState().dismiss(id), 6_000);
  },
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
}));

registerSessionReset(() => useToasts.setState({ toasts: [] }));
