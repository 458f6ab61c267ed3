import { type ReactNode, useEffect, useId, useRef } from 'react';
import styles from './Modal.module.css';

/**
 * A modal on the native <dialog>: focus moves in and back, Esc closes it, the rest of the page is
 * inert while it is open — all by the browser, so it works by keyboard without extra code.
 */
export function Modal({
  title,
  onClose,
  children,
  wide,
  className,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={[styles.modal, wide ? styles.wide : '', className ?? ''].join(' ').trim()}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className={styles.head}>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="link" onClick={onClose} aria-label={`Close ${title}`}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
