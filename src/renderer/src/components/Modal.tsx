import { type ReactNode, useEffect, useId, useRef } from 'react';
import styles from './Modal.module.css';

const FIRST_FIELD = '[autofocus], input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * A modal on the native <dialog>: Esc closes it and the rest of the page is inert while it is open,
 * by the browser. Focus goes to the first field of a form inside (not the Close link at the top),
 * and back to what opened it when it closes — also when React removes the dialog before closing
 * it, where the browser's own return of focus would find nothing to go back to.
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
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
    }
    return () => {
      dialog?.close();
      const lost = !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
      if (opener?.isConnected && lost) opener.focus();
    };
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
