import { MICRO_USD_PER_USD } from '../../../../shared/domain/pricing';
import { QUOTA_LIMIT_MAX, type QuotaKind, type QuotaPolicy, SPEND_LIMIT_MAX } from '../../../../shared/domain/quotas';

/**
 * One quota policy as a form holds it: the limit stays the text typed until it is saved. A budget
 * (`money`) is typed in dollars ("5", "12.50") and sent in micro-dollars.
 */
export interface PolicyDraft {
  period: QuotaPolicy['period'];
  limit: string;
  money?: boolean;
}

export function draftFromPolicy(policy: QuotaPolicy, kind?: QuotaKind): PolicyDraft {
  if (kind === 'spend') return { period: policy.period, limit: dollarsText(policy.limit), money: true };
  return { period: policy.period, limit: String(policy.limit) };
}

/** 5 000 000 micro-dollars → "5.00" (no currency sign: the cell is labelled in dollars). */
export function dollarsText(micros: number): string {
  return (micros / MICRO_USD_PER_USD).toFixed(2);
}

/** A whole number from 0 to the limit main accepts (dollars with cents for a budget); any limit for `unlimited`. */
export function limitIsValid(draft: PolicyDraft): boolean {
  if (draft.period === 'unlimited') return true;
  const text = draft.limit.trim();
  if (draft.money) return /^\d{1,6}(\.\d{1,2})?$/.test(text) && toMicros(text) <= SPEND_LIMIT_MAX;
  return /^\d{1,7}$/.test(text) && Number(text) <= QUOTA_LIMIT_MAX;
}

function toMicros(dollars: string): number {
  return Math.round(Number(dollars) * 100) * (MICRO_USD_PER_USD / 100);
}

/**
 * The policy to send. `unlimited` keeps a valid number it had (so switching back restores it)
 * and 0 otherwise.
 */
export function policyFromDraft(draft: PolicyDraft): QuotaPolicy {
  const limit = draft.money ? toMicros(draft.limit.trim()) : Number(draft.limit.trim());
  if (draft.period === 'unlimited') return { period: 'unlimited', limit: limitIsValid({ ...draft, period: 'daily' }) ? limit : 0 };
  return { period: draft.period, limit };
}

export function draftChanged(a: PolicyDraft, b: PolicyDraft): boolean {
  return a.period !== b.period || a.limit.trim() !== b.limit.trim();
}

export const LIMIT_PROBLEM = `Enter a whole number from 0 to ${QUOTA_LIMIT_MAX.toLocaleString('en-GB')}`;
export const BUDGET_PROBLEM = 'Enter the budget in dollars, like 5 or 12.50';

/** The sentence under a quota table with invalid limits, money apart from units. */
export function limitProblems(invalid: readonly QuotaKind[], title: (kind: QuotaKind) => string): string {
  const units = invalid.filter((k) => k !== 'spend');
  const parts = units.length ? [`${LIMIT_PROBLEM} for: ${units.map(title).join(', ')}.`] : [];
  if (invalid.includes('spend')) parts.push(`${BUDGET_PROBLEM}.`);
  return parts.join(' ');
}
