import type { UserListItem } from '../../../../shared/contract/routes/users';
import type { ConfirmAction } from './confirmText';
import styles from './BatchBar.module.css';

/**
 * What can be done to the selected accounts; every action asks first (the page confirms). The
 * buttons stay enabled while a batch runs (the page ignores a second ask meanwhile): a disabled
 * button would drop the keyboard focus that the confirmation hands back.
 */
export function BatchBar({ chosen, onAsk, onQuotas }: { chosen: UserListItem[]; onAsk: (action: ConfirmAction) => void; onQuotas: () => void }) {
  if (chosen.length === 0) return null;
  return (
    <div className={styles.batchBar} role="region" aria-label="Selected accounts">
      <span>{chosen.length} selected</span>
      <button type="button" onClick={() => onAsk('deactivate')}>
        Deactivate selected…
      </button>
      <button type="button" onClick={() => onAsk('reactivate')}>
        Reactivate selected…
      </button>
      <button type="button" onClick={() => onAsk('reset')}>
        Reset passwords of selected…
      </button>
      <button type="button" onClick={onQuotas}>
        Set quotas of selected…
      </button>
    </div>
  );
}
