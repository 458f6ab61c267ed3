import { QUOTA_LIMIT_MAX, type QuotaPolicy } from '../../../../shared/domain/quotas';

/** One quota policy as a form holds it: the limit stays the text typed until it is saved. */
export interface PolicyDraft {
  period: QuotaPolicy['period'];
  limit: string;
}

export function draftFromPolicy(policy: QuotaPolicy): PolicyDraft {
  return { period: policy.period, limit: String(policy.limit) };
}

/** A whole number from 0 to the limit main accepts; any limit for `unlimited`, where it is not used. */
export function limitIsValid(draft: PolicyDraft): boolean {
  if (draft.period === 'unlimited') return true;
  const text = draft.limit.trim();
  return /^\d{1,7}$/.test(text) && Number(text) <= QUOTA_LIMIT_MAX;
}

/**
 * The policy to send. `unlimited` keeps a valid number it had (so switching back restores it)
 * and 0 otherwise.
 */
export function policyFromDraft(draft: PolicyDraft): QuotaPolicy {
  const limit = Number(draft.limit.trim());
  if (draft.period === 'unlimited') return { period: 'unlimited', limit: limitIsValid({ period: 'daily', limit: draft.limit }) ? limit : 0 };
  return { period: draft.period, limit };
}

export function draftChanged(a: PolicyDraft, b: PolicyDraft): boolean {
  return a.period !== b.period || a.limit.trim() !== b.limit.trim();
}

export const LIMIT_PROBLEM = `Enter a whole number from 0 to ${QUOTA_LIMIT_MAX.toLocaleString('en-GB')}`;
