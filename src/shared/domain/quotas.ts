import { z } from 'zod';

export const QUOTA_KINDS = ['image', 'edit', 'video'] as const;
export type QuotaKind = (typeof QUOTA_KINDS)[number];

export const QUOTA_PERIODS = ['daily', 'weekly', 'monthly', 'total', 'unlimited'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

/** the largest limit a policy may set; forms check the same bound */
export const QUOTA_LIMIT_MAX = 1_000_000;

export const quotaPolicySchema = z.object({
  period: z.enum(QUOTA_PERIODS),
  /** units per period; ignored for `unlimited` */
  limit: z.number().int().min(0).max(QUOTA_LIMIT_MAX),
});
export type QuotaPolicy = z.infer<typeof quotaPolicySchema>;

/** Policies by kind; a kind left out keeps its current (or default) policy. */
export const quotaPoliciesSchema = z.object({ image: quotaPolicySchema, edit: quotaPolicySchema, video: quotaPolicySchema }).partial().strict();
export type QuotaPolicies = z.infer<typeof quotaPoliciesSchema>;

export const INITIAL_DEFAULT_QUOTAS: Required<QuotaPolicies> = {
  image: { period: 'daily', limit: 50 },
  edit: { period: 'daily', limit: 30 },
  video: { period: 'daily', limit: 10 },
};
