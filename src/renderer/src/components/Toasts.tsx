import { useToasts } from '../stores/toasts';
import styles from './Toasts.module.css';

/** The toast stack; a polite live region so screen readers announce completions and errors. */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div className={styles.toasts} role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`${styles.toast} ${toast.tone === 'info' ? '' : styles[toast.tone]}`}
          data-testid="toast"
          data-tone={toast.tone}
        >
          <span>
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
      ))}
    </div>
  );
}
