import { z } from 'zod';
import { MICRO_USD_PER_USD } from './pricing';

/**
 * Quota kinds: `image`, `edit` and `video` count units (one per output); `spend` is a money budget
 * whose limit and ledger units are integer micro-dollars (docs/quotas.md "Budgets"). All four share
 * one policy table and one ledger, so one immediate transaction checks them together.
 */
export const QUOTA_KINDS = ['image', 'edit', 'video', 'spend'] as const;
export type QuotaKind = (typeof QUOTA_KINDS)[number];
/** the kinds a job's outputs are counted in (every kind but the money budget) */
export type UnitQuotaKind = Exclude<QuotaKind, 'spend'>;
export const UNIT_QUOTA_KINDS = ['image', 'edit', 'video'] as const satisfies readonly UnitQuotaKind[];

/** A kind counted in whole units (the ledger also holds `spend`, counted in micro-dollars). */
export function isUnitQuotaKind(kind: QuotaKind): kind is UnitQuotaKind {
  return (UNIT_QUOTA_KINDS as readonly QuotaKind[]).includes(kind);
}

export const QUOTA_PERIODS = ['daily', 'weekly', 'monthly', 'total', 'unlimited'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

/** the largest limit a unit policy may set; forms check the same bound */
export const QUOTA_LIMIT_MAX = 1_000_000;
/** the largest budget ($100 000, in micro-dollars); forms check the same bound */
export const SPEND_LIMIT_MAX = 100_000 * MICRO_USD_PER_USD;

export const quotaPolicySchema = z.object({
  period: z.enum(QUOTA_PERIODS),
  /** units per period; ignored for `unlimited` */
  limit: z.number().int().min(0).max(QUOTA_LIMIT_MAX),
});
export type QuotaPolicy = z.infer<typeof quotaPolicySchema>;

/** A money budget: the limit is micro-dollars per period. */
export const spendPolicySchema = z.object({
  period: z.enum(QUOTA_PERIODS),
  limit: z.number().int().min(0).max(SPEND_LIMIT_MAX),
});

/** Policies by kind; a kind left out keeps its current (or default) policy. */
export const quotaPoliciesSchema = z
  .object({ image: quotaPolicySchema, edit: quotaPolicySchema, video: quotaPolicySchema, spend: spendPolicySchema })
  .partial()
  .strict();
export type QuotaPolicies = z.infer<typeof quotaPoliciesSchema>;

/** No budget until an admin sets one: installs from before budgets keep working as they did. */
export const NO_BUDGET: QuotaPolicy = { period: 'unlimited', limit: 0 };

export const INITIAL_DEFAULT_QUOTAS: Required<QuotaPolicies> = {
  image: { period: 'daily', limit: 50 },
  edit: { period: 'daily', limit: 30 },
  video: { period: 'daily', limit: 10 },
  spend: NO_BUDGET,
};
