import type { ComponentType } from 'react';
import { QuotaSummary } from '../features/quotas';
import type { Me } from '../queries/auth';
import styles from './HeaderExtras.module.css';

/**
 * A slot in the header for other areas: the quotas work adds the remaining-quota summary here
 * (one line in this list), so the header needs no edit of its own.
 */
const EXTRAS: readonly ComponentType<{ me: Me }>[] = [QuotaSummary];

export function HeaderExtras({ me }: { me: Me }) {
  return (
    <div className={styles.extras}>
      {EXTRAS.map((Extra, i) => (
        <Extra key={i} me={me} />
      ))}
    </div>
  );
}
