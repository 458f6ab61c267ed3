import { z } from 'zod';
import { modelAccessSchema } from '../../domain/modelAccess';
import { priceRulesSchema } from '../../domain/pricing';
import { catalogueModelSchema, catalogueSchema, modelCheckRecordSchema } from '../../domain/models';
import { quotaPolicySchema, spendPolicySchema } from '../../domain/quotas';
import { SETTING_LIMITS } from '../../domain/settings';
import { defineRoute } from '../route';

const apiKeyStatusSchema = z.object({
  set: z.boolean(),
  source: z.enum(['stored', 'environment']).nullable(),
  lastFour: z.string().nullable(),
  protection: z.enum(['os', 'unprotected']).nullable(),
  available: z.enum(['os', 'unprotected', 'unavailable']),
});

/** `spend` (the money budget, micro-dollars) may be left out: the current default budget stays */
const defaultQuotasSchema = z.object({
  image: quotaPolicySchema,
  edit: quotaPolicySchema,
  video: quotaPolicySchema,
  spend: spendPolicySchema.optional(),
});

const settingsSchema = z.object({
  idleTimeoutMinutes: z.number().int(),
  defaultQuotas: defaultQuotasSchema.required(),
  maxParallelJobs: z.number().int(),
  importLimitMb: z.number().int(),
  /** minutes a job waits out Google's rate limit before it fails */
  rateLimitMaxWaitMinutes: z.number().int(),
  /** Google spend limit per 10 minutes, micro-dollars (null: off) */
  spendLimitPer10MinutesMicros: z.number().int().nullable(),
  catalogue: z.array(catalogueModelSchema),
  /** the last catalogue check with Google, automatic or not (null: none yet) */
  modelCheck: modelCheckRecordSchema.nullable(),
  apiKey: apiKeyStatusSchema,
  /** what accounts without their own model access may use */
  defaultModelAccess: modelAccessSchema,
  /** the price rules in force for each catalogue model that has any, and whether an admin corrected them */
  prices: z.record(z.string(), z.object({ rules: priceRulesSchema, edited: z.boolean() })),
});

export const settingsGet = defineRoute({
  name: 'settings.get',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: settingsSchema,
});

const idle = SETTING_LIMITS.idleTimeoutMinutes;
const parallel = SETTING_LIMITS.maxParallelJobs;
const importLimit = SETTING_LIMITS.importLimitMb;
const rateWait = SETTING_LIMITS.rateLimitMaxWaitMinutes;
const spendLimit = SETTING_LIMITS.spendLimitPer10MinutesMicros;

export const settingsUpdate = defineRoute({
  name: 'settings.update',
  access: 'admin',
  input: z
    .object({
      idleTimeoutMinutes: z.number().int('whole minutes').min(idle.min, `at least ${idle.min} minutes`).max(idle.max, `at most ${idle.max} minutes`),
      defaultQuotas: defaultQuotasSchema,
      maxParallelJobs: z
        .number()
        .int('a whole number')
        .min(parallel.min, `at least ${parallel.min}`)
        .max(parallel.max, `at most ${parallel.max} jobs at once`),
      /** MB of imported input images each person may keep */
      importLimitMb: z
        .number()
        .int('whole megabytes')
        .min(importLimit.min, `at least ${importLimit.min} MB`)
        .max(importLimit.max, `at most ${importLimit.max} MB`),
      defaultModelAccess: modelAccessSchema,
      rateLimitMaxWaitMinutes: z
        .number()
        .int('whole minutes')
        .min(rateWait.min, `at least ${rateWait.min} minute`)
        .max(rateWait.max, `at most ${rateWait.max} minutes (a day)`),
      spendLimitPer10MinutesMicros: z
        .number()
        .int('whole micro-dollars')
        .min(spendLimit.min, 'at least $0.01')
        .max(spendLimit.max, 'at most $100 000')
        .nullable(),
    })
    .partial()
    .strict(),
  output: settingsSchema,
});

export const settingsSetApiKey = defineRoute({
  name: 'settings.set_api_key',
  access: 'admin',
  input: z
    .object({
      apiKey: z
        .string()
        .trim()
        .min(20, 'an API key is at least 20 characters')
        .max(200)
        .regex(/^[\x21-\x7e]+$/, 'an API key has no spaces or special characters'),
      allowUnprotected: z.boolean().optional(),
    })
    .strict(),
  output: apiKeyStatusSchema,
});

export const settingsClearApiKey = defineRoute({
  name: 'settings.clear_api_key',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: apiKeyStatusSchema,
});

/**
 * What this transport can do for logs and diagnostics. The desktop app opens the log folder in the
 * file manager and asks where to save; the browser harness can do neither, so the page says where
 * the files are instead. `logFolder` is shown to admins so they can find it by hand.
 */
export const settingsDiagnosticsCapabilitiesGet = defineRoute({
  name: 'settings.diagnostics.capabilities.get',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: z.object({ openLogFolder: z.boolean(), chooseSaveLocation: z.boolean(), logFolder: z.string() }),
});

/** Opens `<data folder>/logs` in the file manager (desktop app only). */
export const settingsLogsOpen = defineRoute({
  name: 'settings.logs.open',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: z.object({ opened: z.boolean(), path: z.string() }),
});

/**
 * Writes a zip for whoever supports this workstation: recent logs, versions, settings without
 * secrets, the model catalogue with its last check, and counts. The desktop app asks where (a
 * cancelled dialog answers `saved: false`); the harness writes under `<data folder>/exports/`.
 */
export const settingsDiagnosticsSave = defineRoute({
  name: 'settings.diagnostics.save',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: z.object({
    saved: z.boolean(),
    path: z.string().nullable(),
    bytes: z.number().int().nonnegative(),
    /** the zip's entries, e.g. `versions.json`, `logs/studio.log` */
    entries: z.array(z.string()),
  }),
});

export const diagnosticsRoutes = [settingsDiagnosticsCapabilitiesGet, settingsLogsOpen, settingsDiagnosticsSave] as const;

export const settingsModelsUpdate = defineRoute({
  name: 'settings.models.update',
  access: 'admin',
  input: z.object({ models: catalogueSchema }).strict(),
  output: z.object({ catalogue: z.array(catalogueModelSchema) }),
});

/**
 * What Google said about one catalogue id. `unknown` means we could not tell (no answer, rate
 * limit, bad key, 5xx): it never marks a model missing, and `message` says why.
 */
export const modelCheckResultSchema = z.object({
  id: z.string(),
  status: z.enum(['available', 'missing', 'unknown']),
  message: z.string().optional(),
});
export type ModelCheckResult = z.infer<typeof modelCheckResultSchema>;

export const settingsModelsCheck = defineRoute({
  name: 'settings.models.check',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: z.object({ results: z.array(modelCheckResultSchema), catalogue: z.array(catalogueModelSchema) }),
});

const modelId = catalogueModelSchema.shape.id;

/**
 * Hands a model over to another of its kind (docs/models-and-money.md): the successor from the
 * successor table when `to` is left out, or the model named (the banner's "Make it the default").
 */
export const settingsModelsMigrate = defineRoute({
  name: 'settings.models.migrate',
  access: 'admin',
  input: z.object({ from: modelId, to: modelId.optional() }).strict(),
  output: z.object({ catalogue: z.array(catalogueModelSchema) }),
});

/** Corrects one model's prices (they apply to jobs created from now on), or restores the shipped ones (`rules: null`). */
export const settingsPricesUpdate = defineRoute({
  name: 'settings.prices.update',
  access: 'admin',
  input: z.object({ modelId, rules: priceRulesSchema.nullable() }).strict(),
  output: z.object({ prices: settingsSchema.shape.prices }),
});

/**
 * The shape of the project behind the shared Google key, for admins: where the key comes from, the
 * spend of the jobs started in the last 10 minutes (actual costs of the ended ones, estimates of the
 * rest) against the optional limit, the jobs waiting on
 * Google's rate limit or on the spend limit, and the catalogue's last check.
 */
export const settingsProjectGet = defineRoute({
  name: 'settings.project.get',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: z.object({
    keySource: z.enum(['stored', 'environment']).nullable(),
    spendLast10MinMicros: z.number().int().nonnegative(),
    spendLimitPer10MinutesMicros: z.number().int().nullable(),
    rateLimitMaxWaitMinutes: z.number().int(),
    waitingOnRateLimit: z.number().int().nonnegative(),
    waitingOnSpendLimit: z.number().int().nonnegative(),
    /** every job waiting for its turn, for whatever reason */
    waiting: z.number().int().nonnegative(),
    modelCheck: modelCheckRecordSchema.nullable(),
  }),
});
