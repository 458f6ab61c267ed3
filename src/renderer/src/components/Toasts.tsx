import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { type Toast, TOAST_LIFETIME_MS, useToasts } from '../stores/toasts';
import styles from './Toasts.module.css';

/**
 * The toast stack; a polite live region so screen readers announce completions and errors. It
 * sits in its own strip under the page (AppShell), so it never covers a form control.
 */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  useEffect(() => useToasts.getState().pageChanged(pathname), [pathname]);
  return <ToastStack toasts={toasts} />;
}

/** The stack without the router (component tests render it alone). */
export function ToastStack({ toasts }: { toasts: Toast[] }) {
  return (
    <div className={styles.toasts} role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const remaining = useRef(TOAST_LIFETIME_MS);
  const expires = toast.tone !== 'error';
  const paused = hovered || focused;
  // a folded repeat (×2) starts its time again
  useEffect(() => {
    remaining.current = TOAST_LIFETIME_MS;
  }, [toast.count]);
  useEffect(() => {
    if (!expires || paused) return;
    const started = Date.now();
    const timer = setTimeout(() => dismiss(toast.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(0, remaining.current - (Date.now() - started));
    };
  }, [expires, paused, dismiss, toast.id, toast.count]);

  return (
    <div
      className={styles.toast}
      data-testid="toast"
      data-tone={toast.tone}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
      }}
    >
      <span className={styles.message}>
        {toast.message}
        {toast.count > 1 ? ` (×${toast.count})` : ''}
      </span>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action?.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
