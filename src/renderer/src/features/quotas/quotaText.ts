import { formatUsd } from '../../../../shared/domain/pricing';
import { QUOTA_KIND_NOUNS, QUOTA_PERIOD_LABELS, type QuotaKindStatus, type QuotaLevel, quotaLevel } from '../../../../shared/domain/quotaStatus';

/**
 * Words for quota figures. Colour alone never carries the state (docs/renderer.md): every level has a
 * phrase, and the meter's accessible text says everything the bar shows.
 */
export function levelWords(s: QuotaKindStatus): string | null {
  if (s.period === 'unlimited') return null;
  if (s.remaining === 0) return 'Used up';
  const words: Record<QuotaLevel, string | null> = { normal: null, warning: 'Running low', critical: 'Almost used up' };
  return words[quotaLevel(s)];
}

export function noun(kind: QuotaKindStatus['kind'], n: number): string {
  const nouns = QUOTA_KIND_NOUNS[kind];
  return n === 1 ? nouns.one : nouns.many;
}

/** "47 left" / "0 left" / "unlimited", for the header; money for the budget ("$3.80 left", "$1.20 this month"). */
export function remainingText(s: QuotaKindStatus): string {
  if (s.kind === 'spend') return s.remaining === null ? `${formatUsd(s.used)} this month` : `${formatUsd(s.remaining)} left`;
  return s.remaining === null ? 'unlimited' : `${s.remaining} left`;
}

/** "$1.20 of $5.00 spent per week" / "$1.20 spent this month (no budget)": the budget in words. */
export function spendText(s: QuotaKindStatus): string {
  if (s.period === 'unlimited') return `${formatUsd(s.used)} spent this month (no budget)`;
  return `${formatUsd(s.used)} of ${formatUsd(s.limit)} spent ${QUOTA_PERIOD_LABELS[s.period]}`;
}

/** "Resets Fri 27 Nov 2026, 00:00" / "Does not reset" / null for unlimited. */
export function resetText(s: QuotaKindStatus): string | null {
  if (s.period === 'unlimited') return null;
  return s.resetsAtLabel === null ? 'Does not reset' : `Resets ${s.resetsAtLabel}`;
}

/** One sentence with everything: "3 of 50 images used per day, 47 left. Resets Fri 27 Nov 2026, 00:00." */
export function quotaSentence(s: QuotaKindStatus): string {
  if (s.kind === 'spend') {
    if (s.period === 'unlimited') return `No budget; ${formatUsd(s.used)} spent this month.`;
    const reset = resetText(s);
    const level = levelWords(s);
    return `${level ? `${level}: ` : ''}${spendText(s)}, ${formatUsd(s.remaining ?? 0)} left.${reset ? ` ${reset}.` : ''}`;
  }
  if (s.period === 'unlimited') return `Unlimited ${QUOTA_KIND_NOUNS[s.kind].many}; ${s.used} used.`;
  const level = levelWords(s);
  const parts = [`${s.used} of ${s.limit} ${noun(s.kind, s.limit)} used ${QUOTA_PERIOD_LABELS[s.period]}, ${s.remaining} left.`];
  const reset = resetText(s);
  if (reset) parts.push(`${reset}.`);
  if (level) parts.unshift(`${level}:`);
  return parts.join(' ');
}

/** Bar width in percent, clamped (an admin lowering a limit can leave usage above it). */
export function usedPercent(s: QuotaKindStatus): number {
  if (s.period === 'unlimited') return 0;
  if (s.limit <= 0) return 100;
  return Math.min(100, Math.round((s.used / s.limit) * 100));
}
