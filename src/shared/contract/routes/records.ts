import { z } from 'zod';
import { JOB_KIND_VALUES, JOB_STATUS_VALUES } from '../../domain/jobs';
import { GENERATION_OUTCOMES } from '../../domain/generationLog';
import { isRealLocalDate } from '../../domain/localDates';
import { workstationSchema } from '../../domain/workstation';
import { defineRoute } from '../route';

const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-27.')
  .refine(isRealLocalDate, 'Not a real calendar date.');

export const generationLogEntrySchema = z.object({
  id: z.string(),
  /** when the attempt was made (ms) */
  at: z.number(),
  finishedAt: z.number().nullable(),
  person: z.object({ id: z.string(), email: z.string() }),
  workstation: workstationSchema,
  kind: z.enum(JOB_KIND_VALUES),
  /** the model's id and its label in the catalogue (the id again when the catalogue no longer lists it) */
  model: z.object({ id: z.string(), label: z.string() }),
  outcome: z.enum(GENERATION_OUTCOMES),
  status: z.enum(JOB_STATUS_VALUES),
  /** quota units the attempt reserved; charged only when it succeeded */
  units: z.number().int(),
  /** what Google billed where known, else the estimate before sending; null when neither is known */
  costMicros: z.number().int().nullable(),
  costIsEstimate: z.boolean(),
  prompt: z.string(),
  negativePrompt: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
});
export type GenerationLogEntry = z.infer<typeof generationLogEntrySchema>;

/**
 * Every generation attempt of the admin and the people they manage, newest first, one keyset page
 * at a time (docs/records.md). Dates are the workstation's calendar, both inclusive.
 */
export const generationLogList = defineRoute({
  name: 'generation.log.list',
  access: 'admin',
  input: z
    .object({
      cursor: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      userId: z.string().min(1).max(64).optional(),
      kind: z.enum(JOB_KIND_VALUES).optional(),
      outcome: z.enum(GENERATION_OUTCOMES).optional(),
      from: localDateSchema.optional(),
      to: localDateSchema.optional(),
      /** words in the prompt (or negative prompt), case-insensitive */
      text: z.string().trim().max(200).optional(),
    })
    .strict()
    .optional()
    .transform((input) => input ?? { limit: 50 }),
  output: z.object({ items: z.array(generationLogEntrySchema), nextCursor: z.string().nullable() }),
});
