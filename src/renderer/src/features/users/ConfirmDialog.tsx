import { type ReactNode, useEffect, useRef } from 'react';
import { Modal } from '../../components/Modal';
import styles from './ConfirmDialog.module.css';
import { useReturnFocus } from './useReturnFocus';

/**
 * Asks before an action that hurts. Focus starts on Cancel, so Enter or Space by reflex does nothing
 * harmful; Escape and Close cancel; focus then returns to the button that asked.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  useReturnFocus();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // showModal() (run by Modal after this effect) focuses the [autofocus] element; focus again after it to be sure
    const frame = requestAnimationFrame(() => cancel.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <Modal title={title} onClose={onCancel} className={styles.confirm}>
      <div className={styles.body}>{children}</div>
      <div className="form-actions">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={(el) => (el?.setAttribute('autofocus', ''), void (cancel.current = el))} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
