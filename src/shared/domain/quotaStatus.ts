import { z } from 'zod';
import { formatUsd } from './pricing';
import { QUOTA_KINDS, QUOTA_PERIODS, type QuotaKind, type QuotaPeriod } from './quotas';

/** One kind of one user's quota as it stands now, in the current period. */
export const quotaKindStatusSchema = z.object({
  kind: z.enum(QUOTA_KINDS),
  period: z.enum(QUOTA_PERIODS),
  /** units per period (micro-dollars for `spend`); not enforced for `unlimited` (kept so switching back restores it) */
  limit: z.number().int(),
  /** committed + reserved in the current period (since an admin's usage reset, if later) */
  used: z.number().int(),
  /** units still available; null for `unlimited` */
  remaining: z.number().int().nullable(),
  /** when usage starts again from zero (ms); null for `total` and `unlimited` */
  resetsAt: z.number().nullable(),
  /** `resetsAt` in the workstation's time zone, e.g. `Fri 27 Nov 2026, 00:00`; shown as is */
  resetsAtLabel: z.string().nullable(),
  /** true when the user has no policy of their own and follows the admin's default */
  isDefault: z.boolean(),
});
export type QuotaKindStatus = z.infer<typeof quotaKindStatusSchema>;

export const quotaStatusSchema = z.object({
  userId: z.string(),
  kinds: z.object({ image: quotaKindStatusSchema, edit: quotaKindStatusSchema, video: quotaKindStatusSchema, spend: quotaKindStatusSchema }),
});
export type QuotaStatus = z.infer<typeof quotaStatusSchema>;

export type QuotaLevel = 'normal' | 'warning' | 'critical';

/** docs/quotas.md: yellow at ≥ 80 % used, red at ≥ 95 %. A limit of 0 is fully used from the start. */
export function quotaLevel(status: Pick<QuotaKindStatus, 'period' | 'used' | 'limit'>): QuotaLevel {
  if (status.period === 'unlimited') return 'normal';
  if (status.limit <= 0) return 'critical';
  const ratio = status.used / status.limit;
  if (ratio >= 0.95) return 'critical';
  if (ratio >= 0.8) return 'warning';
  return 'normal';
}

/**
 * The refusal every generator shows (docs/quotas.md), word for word:
 * `Quota exceeded for video. Used: 10/10. Resets at Fri 27 Nov 2026, 00:00` or `… Does not reset`.
 */
export function quotaExceededMessage(
  kind: QuotaKind,
  used: number,
  limit: number,
  resetsAtLabel: string | null,
  requested = 0,
  period?: QuotaPeriod,
  /** spend: the estimate, when less than `requested` (the hold set aside) */
  estimated = requested,
): string {
  const when = resetsAtLabel === null ? 'Does not reset' : `Resets at ${resetsAtLabel}`;
  if (kind === 'spend') return `${budgetShortfall(requested, estimated, limit - used, limit, period)} ${when}.`;
  return `Quota exceeded for ${kind}. Used: ${used}/${limit}. ${when}`;
}

/** "This would cost about $0.40; $0.25 of your $5.00 weekly budget is left." — money in plain words. */
function budgetShortfall(held: number, estimated: number, left: number, limit: number, period: QuotaPeriod | undefined): string {
  const which = period ? BUDGET_PERIOD_WORDS[period] : '';
  const cost =
    held > estimated ? `about ${formatUsd(estimated)} (${formatUsd(held)} is set aside until Google reports the cost)` : `about ${formatUsd(held)}`;
  return `This would cost ${cost}; ${formatUsd(Math.max(0, left))} of your ${formatUsd(limit)} ${which}budget is left.`;
}

const BUDGET_PERIOD_WORDS: Record<QuotaPeriod, string> = { daily: 'daily ', weekly: 'weekly ', monthly: 'monthly ', total: '', unlimited: '' };

/** A kind's figure as people read it: money for the budget, a count otherwise. */
export function quotaAmount(kind: QuotaKind, n: number): string {
  return kind === 'spend' ? formatUsd(n) : String(n);
}

/** Plural nouns for the UI ("3 images left"). */
export const QUOTA_KIND_NOUNS: Record<QuotaKind, { one: string; many: string; title: string }> = {
  image: { one: 'image', many: 'images', title: 'Images' },
  edit: { one: 'edit', many: 'edits', title: 'Edits' },
  video: { one: 'video', many: 'videos', title: 'Videos' },
  spend: { one: 'budget', many: 'budget', title: 'Spend' },
};

export const QUOTA_PERIOD_LABELS: Record<QuotaPeriod, string> = {
  daily: 'per day',
  weekly: 'per week',
  monthly: 'per month',
  total: 'in total',
  unlimited: 'unlimited',
};

/**
 * Whether a request of `asked` units fits what is left of a kind's quota; when it does not, the
 * words the generator shows beside its disabled button, e.g. `3 images asked, 2 left. Your image
 * quota resets Tue 1 Dec 2026, 00:00. Ask admin@lab.org for more.` Unlimited always fits. Main
 * still refuses an over-quota request on its own; this only saves the click.
 */
export function quotaFit(
  status: QuotaKindStatus,
  asked: number,
  askAdmins: readonly string[],
  /** spend: the estimate, when less than `asked` (the hold a job sets aside while it runs) */
  estimated = asked,
): { fits: true } | { fits: false; message: string } {
  if (status.remaining === null || asked <= status.remaining) return { fits: true };
  const noun = QUOTA_KIND_NOUNS[status.kind];
  const left = Math.max(0, status.remaining);
  if (status.kind === 'spend') {
    const resets = status.resetsAtLabel === null ? 'Your budget does not reset.' : `Your budget resets ${status.resetsAtLabel}.`;
    return {
      fits: false,
      message: `${budgetShortfall(asked, estimated, left, status.limit, status.period)} ${resets} Ask ${whoToAsk(askAdmins)} for more.`,
    };
  }
  const resets = status.resetsAtLabel === null ? `Your ${noun.one} quota does not reset.` : `Your ${noun.one} quota resets ${status.resetsAtLabel}.`;
  return {
    fits: false,
    message: `${asked} ${asked === 1 ? noun.one : noun.many} asked, ${left} left. ${resets} Ask ${whoToAsk(askAdmins)} for more.`,
  };
}

function whoToAsk(emails: readonly string[]): string {
  if (emails.length === 0) return 'an admin';
  if (emails.length === 1) return emails[0]!;
  return `${emails.slice(0, -1).join(', ')} or ${emails.at(-1)!}`;
}
