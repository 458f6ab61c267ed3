import { useEffect, useRef, useState } from 'react';
import styles from './ConfirmDelete.module.css';

/** Asks before deleting: deletion removes the files from disk and cannot be undone. */
export function ConfirmDelete({ count, onConfirm, onCancel }: { count: number; onConfirm: () => Promise<void>; onCancel: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  // the safe choice has focus, so a second press of Enter does not delete
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className={styles.confirm} role="alertdialog" aria-labelledby="confirm-delete-title" aria-describedby="confirm-delete-text">
      <p id="confirm-delete-title">
        <strong>{count === 1 ? 'Delete this item?' : `Delete ${count} items?`}</strong>
      </p>
      <p id="confirm-delete-text" className="muted">
        The {count === 1 ? 'file is' : 'files are'} removed from this computer. This cannot be undone.
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          className="danger"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            try {
              await onConfirm();
            } finally {
              setPending(false);
            }
          }}
        >
          Delete
        </button>
        <button ref={cancelRef} type="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </div>
  );
}
