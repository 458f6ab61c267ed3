import { QUOTA_KINDS } from '../../../../shared/domain/quotas';
import { QUOTA_KIND_NOUNS, quotaLevel } from '../../../../shared/domain/quotaStatus';
import { useQuotaStatus } from '../../queries/quotas';
import { quotaSentence, remainingText } from './quotaText';
import styles from './QuotaSummary.module.css';

/**
 * The signed-in user's remaining quotas for the header ("Images 47 left · Edits 30 left · Videos
 * 10 left"). `quota.changed` keeps it current (queries/liveUpdates.ts).
 */
export function QuotaSummary() {
  const query = useQuotaStatus();
  if (query.isPending)
    return (
      <span className={`muted ${styles.summary}`} aria-busy="true">
        Quotas…
      </span>
    );
  if (query.isError) return <span className={`muted ${styles.summary}`}>Quotas unavailable</span>;
  return (
    <ul className={styles.summary} aria-label="Your remaining quotas">
      {QUOTA_KINDS.map((kind) => {
        const s = query.data.kinds[kind];
        // the budget joins the header only when there is one: the spend itself is on the generators and the Profile
        if (kind === 'spend' && s.remaining === null) return null;
        return (
          <li key={kind} className={styles.item} data-level={quotaLevel(s)}>
            <span className={styles.kind}>{QUOTA_KIND_NOUNS[kind].title}</span>{' '}
            <span className={styles.value} data-testid={`quota-remaining-${kind}`}>
              {remainingText(s)}
            </span>
            <span className="visually-hidden">. {quotaSentence(s)}</span>
          </li>
        );
      })}
    </ul>
  );
}
