import { z } from 'zod';
import { catalogueSchema, DEFAULT_CATALOGUE, modelCheckRecordSchema } from './models';
import { modelAccessSchema, UNRESTRICTED_ACCESS } from './modelAccess';
import { priceOverridesSchema } from './priceTable';
import { INITIAL_DEFAULT_QUOTAS, NO_BUDGET, quotaPolicySchema, spendPolicySchema } from './quotas';

/**
 * Bounds of the numeric settings, shared so the settings form checks exactly what main enforces.
 * Idle timeout: docs/accounts.md (5–120 minutes); parallel jobs: enough to overlap videos without flooding
 * Google's rate limit from one workstation.
 */
export const SETTING_LIMITS = {
  idleTimeoutMinutes: { min: 5, max: 120 },
  maxParallelJobs: { min: 1, max: 8 },
  /** MB of imported input images one person may keep (deleting some frees room) */
  importLimitMb: { min: 1, max: 999_999 },
  /** minutes a job waits out Google's rate limit (429) before it fails (docs/generation-and-jobs.md) */
  rateLimitMaxWaitMinutes: { min: 1, max: 24 * 60 },
  /** micro-dollars of spend per rolling 10 minutes (docs/models-and-money.md); $0.01 to $100 000 */
  spendLimitPer10MinutesMicros: { min: 10_000, max: 100_000_000_000 },
} as const;

/**
 * Google's spend-based limits per project and rolling 10 minutes, by tier (late 2026), shown beside
 * the spend limit setting (docs/models-and-money.md). Beyond them Google answers 429.
 */
export const GOOGLE_SPEND_TIERS = [
  { tier: 'Tier 1', per10MinutesUsd: 10, billingCap: '$250', reach: 'link billing' },
  { tier: 'Tier 2', per10MinutesUsd: 50, billingCap: '$2 000', reach: '$100 paid + 3 days' },
  { tier: 'Tier 3', per10MinutesUsd: 200, billingCap: '$20 000–100 000+', reach: '$1 000 paid + 30 days' },
] as const;

/**
 * Admin settings: each key with its schema and its initial value. Stored as JSON in the `setting`
 * table; a missing or unreadable value falls back to the default here.
 */
export const settingSchemas = {
  idleTimeoutMinutes: z.number().int().min(SETTING_LIMITS.idleTimeoutMinutes.min).max(SETTING_LIMITS.idleTimeoutMinutes.max),
  defaultQuotas: z.object({
    image: quotaPolicySchema,
    edit: quotaPolicySchema,
    video: quotaPolicySchema,
    // installs from before budgets have no `spend` default: no budget, as before
    spend: spendPolicySchema.default(NO_BUDGET),
  }),
  maxParallelJobs: z.number().int().min(SETTING_LIMITS.maxParallelJobs.min).max(SETTING_LIMITS.maxParallelJobs.max),
  modelCatalogue: catalogueSchema,
  importLimitMb: z.number().int().min(SETTING_LIMITS.importLimitMb.min).max(SETTING_LIMITS.importLimitMb.max),
  /** the last catalogue check with Google (null: none yet) */
  modelCheck: modelCheckRecordSchema.nullable(),
  /** every model id a version of the studio has shipped to this install (see catalogueUpgrade.ts) */
  shippedModelIds: z.array(z.string()).max(500),
  /** what an account whose own model access is unset may use (docs/models-and-money.md) */
  defaultModelAccess: modelAccessSchema,
  /** admins' corrections of the shipped prices, by model id */
  priceOverrides: priceOverridesSchema,
  rateLimitMaxWaitMinutes: z.number().int().min(SETTING_LIMITS.rateLimitMaxWaitMinutes.min).max(SETTING_LIMITS.rateLimitMaxWaitMinutes.max),
  /** Google spend limit per 10 minutes in micro-dollars: jobs wait while the window is full (null: off) */
  spendLimitPer10MinutesMicros: z
    .number()
    .int()
    .min(SETTING_LIMITS.spendLimitPer10MinutesMicros.min)
    .max(SETTING_LIMITS.spendLimitPer10MinutesMicros.max)
    .nullable(),
  /** the admins who still see the first-run checklist: the first admin, until they dismiss it */
  setupChecklistFor: z.array(z.string()).max(100),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  idleTimeoutMinutes: 15,
  defaultQuotas: INITIAL_DEFAULT_QUOTAS,
  maxParallelJobs: 3,
  modelCatalogue: DEFAULT_CATALOGUE,
  // generous: a few thousand photos' worth, so the limit only stops a runaway, not normal work
  importLimitMb: 2048,
  modelCheck: null,
  defaultModelAccess: UNRESTRICTED_ACCESS,
  priceOverrides: {},
  rateLimitMaxWaitMinutes: 30,
  spendLimitPer10MinutesMicros: null,
  // what versions before the November 2026 catalogue shipped: an install without this setting has seen them
  setupChecklistFor: [],
  shippedModelIds: [
    'gemini-3.1-flash-image',
    'gemini-3-pro-image',
    'gemini-3.1-flash-lite-image',
    'gemini-omni-1.1-flash',
    'veo-3.1-generate-preview',
    'veo-3.1-fast-generate-preview',
    'veo-3.1-lite-generate-preview',
  ],
};
