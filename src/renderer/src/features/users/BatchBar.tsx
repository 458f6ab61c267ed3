import type { UserListItem } from '../../../../shared/contract/routes/users';
import type { ConfirmAction } from './confirmText';
import styles from './BatchBar.module.css';

/**
 * What can be done to the selected accounts; every action asks first (the page confirms). The bar
 * is always there, at the same height, so ticking the first box never pushes the list down (the
 * buttons say "Deactivate…" on screen and "Deactivate selected…" to assistive technology, so they
 * fit one line at 1024 px). The
 * buttons stay enabled while a batch runs (the page ignores a second ask meanwhile): a disabled
 * button would drop the keyboard focus that the confirmation hands back.
 */
export function BatchBar({
  chosen,
  selecting,
  onAsk,
  onQuotas,
  onClear,
}: {
  chosen: UserListItem[];
  /** "select all matching" is reading the matching accounts */
  selecting: boolean;
  onAsk: (action: ConfirmAction) => void;
  onQuotas: () => void;
  onClear: () => void;
}) {
  return (
    <div className={styles.batchBar} role="region" aria-label="Selected accounts" data-empty={chosen.length === 0 && !selecting}>
      {selecting ? (
        <span aria-live="polite">Selecting every matching account…</span>
      ) : chosen.length === 0 ? (
        <span className="muted">Tick accounts to act on several at once.</span>
      ) : (
        <>
          <span aria-live="polite">{chosen.length} selected</span>
          <button type="button" onClick={() => onAsk('deactivate')}>
            Deactivate
            <span className="visually-hidden"> selected…</span>
            <span aria-hidden="true">…</span>
          </button>
          <button type="button" onClick={() => onAsk('reactivate')}>
            Reactivate
            <span className="visually-hidden"> selected…</span>
            <span aria-hidden="true">…</span>
          </button>
          <button type="button" onClick={() => onAsk('reset')}>
            Reset passwords<span className="visually-hidden"> of selected…</span>
            <span aria-hidden="true">…</span>
          </button>
          <button type="button" onClick={onQuotas}>
            Set quotas<span className="visually-hidden"> of selected…</span>
            <span aria-hidden="true">…</span>
          </button>
          <button type="button" className="link" onClick={onClear}>
            Clear selection
          </button>
        </>
      )}
    </div>
  );
}
