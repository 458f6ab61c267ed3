import { useId } from 'react';
import type { QuotaKind } from '../../../../shared/domain/quotas';
import { formatUsd } from '../../../../shared/domain/pricing';
import { QUOTA_KIND_NOUNS, QUOTA_PERIOD_LABELS, quotaAmount, quotaLevel } from '../../../../shared/domain/quotaStatus';
import { useQuotaStatus } from '../../queries/quotas';
import { levelWords, quotaSentence, resetText, spendText, usedPercent } from './quotaText';
import styles from './QuotaMeter.module.css';

/**
 * The quota of one kind on a generation page: a bar (normal, warning at ≥ 80 %, critical at
 * ≥ 95 %) with the same facts in words, updated live after every generation.
 */
export function QuotaMeter({ kind, withSpend = true }: { kind: QuotaKind; withSpend?: boolean }) {
  return (
    <>
      <UnitMeter kind={kind} />
      {kind !== 'spend' && withSpend && <SpendLine />}
    </>
  );
}

/** The person's spend this period, one line under a generator's meter ("$1.20 of $5.00 spent per week"). */
export function SpendLine() {
  const { data } = useQuotaStatus();
  if (!data) return null;
  const s = data.kinds.spend;
  const words = levelWords(s);
  return (
    <p className={`${styles.text} ${styles.spend}`} data-testid="spend-line" data-level={quotaLevel(s)}>
      {words && <strong className={styles.level}>{words}: </strong>}
      {spendText(s)}
      {s.remaining !== null && `, ${formatUsd(s.remaining)} left`}
      {resetText(s) ? ` · ${resetText(s)}` : ''}
    </p>
  );
}

function UnitMeter({ kind }: { kind: QuotaKind }) {
  const query = useQuotaStatus();
  const labelId = useId();
  const title = kind === 'spend' ? 'Budget' : `${QUOTA_KIND_NOUNS[kind].title} quota`;
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
          {quotaAmount(kind, s.used)} / {quotaAmount(kind, s.limit)} {kind === 'spend' ? 'spent' : 'used'}
        </span>
        , {quotaAmount(kind, s.remaining ?? 0)} left{resetText(s) ? ` · ${resetText(s)}` : ''}
      </span>
    </div>
  );
}
