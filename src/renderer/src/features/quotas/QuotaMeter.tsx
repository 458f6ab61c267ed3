import { useId } from 'react';
import type { QuotaKind } from '../../../../shared/domain/quotas';
import { QUOTA_KIND_NOUNS, QUOTA_PERIOD_LABELS, quotaLevel } from '../../../../shared/domain/quotaStatus';
import { useQuotaStatus } from '../../queries/quotas';
import { levelWords, quotaSentence, resetText, usedPercent } from './quotaText';
import styles from './QuotaMeter.module.css';

/**
 * The quota of one kind on a generation page: a bar (normal, warning at ≥ 80 %, critical at
 * ≥ 95 %) with the same facts in words, updated live after every generation.
 */
export function QuotaMeter({ kind }: { kind: QuotaKind }) {
  const query = useQuotaStatus();
  const labelId = useId();
  const title = `${QUOTA_KIND_NOUNS[kind].title} quota`;
  if (query.isPending) return <div className={styles.meter} aria-busy="true" aria-label={title} />;
  if (query.isError)
    return (
      <p className={`form-error ${styles.meter}`} role="alert">
        {title}: could not be loaded.
      </p>
    );

  const s = query.data.kinds[kind];
  if (s.period === 'unlimited') {
    return (
      <div className={styles.meter} data-testid={`quota-meter-${kind}`}>
        <span className={styles.label}>{title}</span>
        <span className={styles.text}>{quotaSentence(s)}</span>
      </div>
    );
  }
  const level = quotaLevel(s);
  const words = levelWords(s);
  return (
    <div className={styles.meter} data-testid={`quota-meter-${kind}`} data-level={level}>
      <span className={styles.label} id={labelId}>
        {title} <span className="muted">({QUOTA_PERIOD_LABELS[s.period]})</span>
      </span>
      <div
        className={styles.track}
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={s.limit}
        aria-valuenow={Math.min(s.used, s.limit)}
        aria-valuetext={quotaSentence(s)}
      >
        <div className={styles.fill} style={{ width: `${usedPercent(s)}%` }} />
      </div>
      <span className={styles.text}>
        {words && <strong className={styles.level}>{words}: </strong>}
        <span data-testid={`quota-meter-${kind}-used`}>
          {s.used} / {s.limit} used
        </span>
        , {s.remaining} left{resetText(s) ? ` · ${resetText(s)}` : ''}
      </span>
    </div>
  );
}
