import type { ReactNode } from 'react';
import { FormError } from '../auth/FormError';
import styles from './SaveRow.module.css';

/**
 * The foot of a settings form: the failed request's message, what the last save did, and the
 * primary Save button (plus any buttons of the section's own after it).
 *
 * The status line stays in the page while empty and only its text changes, so screen readers
 * announce "Saved." politely: a live region that appears together with its text is often not read.
 */
export function SaveRow({
  error,
  status,
  label,
  pending,
  disabled,
  children,
}: {
  error: unknown;
  /** what the last save (or other action) did, or null */
  status: string | null;
  label: string;
  pending: boolean;
  disabled: boolean;
  children?: ReactNode;
}) {
  return (
    <>
      <FormError error={error} />
      <p role="status" className={`form-success ${styles.status}`}>
        {status}
      </p>
      <div className="button-row">
        <button type="submit" className="primary" disabled={disabled}>
          {pending ? 'Saving…' : label}
        </button>
        {children}
      </div>
    </>
  );
}
