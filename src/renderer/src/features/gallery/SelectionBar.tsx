import { useRef, useState } from 'react';
import { ConfirmDelete } from './ConfirmDelete';
import styles from './SelectionBar.module.css';

export interface SelectionBarProps {
  count: number;
  loaded: number;
  onSelectAll: () => void;
  onClear: () => void;
  onDelete: () => Promise<boolean>;
  onExport: () => void;
  exporting: boolean;
}

/** Bulk actions on the selected items: select all loaded, clear, export, delete (after asking). */
export function SelectionBar(props: SelectionBarProps) {
  const [confirming, setConfirming] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  return (
    <div className={styles.bar} role="region" aria-label="Selection">
      <span aria-live="polite">{props.count} selected</span>
      <button type="button" onClick={props.onSelectAll} disabled={props.count === props.loaded}>
        Select all ({props.loaded})
      </button>
      <button type="button" onClick={props.onClear}>
        Clear selection
      </button>
      <button type="button" onClick={props.onExport} disabled={props.exporting}>
        {props.exporting ? 'Exporting…' : 'Export'}
      </button>
      <button ref={deleteRef} type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete
      </button>
      {confirming && (
        <ConfirmDelete
          count={props.count}
          onCancel={() => {
            setConfirming(false);
            // back to the button that asked, not to the page
            requestAnimationFrame(() => deleteRef.current?.focus());
          }}
          onConfirm={async () => {
            await props.onDelete();
            setConfirming(false);
          }}
        />
      )}
    </div>
  );
}
