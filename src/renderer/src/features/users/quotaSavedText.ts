import { formatUsd } from '../../../../shared/domain/pricing';
import { QUOTA_KINDS, type QuotaPolicies } from '../../../../shared/domain/quotas';

const KIND = { image: 'images', edit: 'edits', video: 'videos', spend: 'budget' } as const;
const PER = { daily: 'a day', weekly: 'a week', monthly: 'a month', total: 'in total' } as const;

/** "Quotas saved for ben@lab.org: images 50 a day, videos unlimited." — what was saved, for whom. */
export function quotaSavedText(emails: string[], policies: QuotaPolicies): string {
  const parts = QUOTA_KINDS.flatMap((k) => {
    const p = policies[k];
    if (!p) return [];
    if (p.period === 'unlimited') return [`${KIND[k]} unlimited`];
    return [`${KIND[k]} ${k === 'spend' ? formatUsd(p.limit) : p.limit} ${PER[p.period]}`];
  });
  const who = emails.length === 1 ? emails[0] : `${emails.length} accounts`;
  return `Quotas saved for ${who}: ${parts.join(', ')}.`;
}
