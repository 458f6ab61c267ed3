import { z } from 'zod';
import { JOB_KIND_VALUES, JOB_STATUS_VALUES } from '../../domain/jobs';
import { catalogueModelSchema } from '../../domain/models';
import { priceRulesSchema } from '../../domain/pricing';
import { defineRoute } from '../route';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id');
/** free-form options are checked against the model's capabilities in main; bounded here */
const modelId = z.string().max(100);
const option = z.string().max(20);
const prompt = z.string().trim().min(1, 'write a prompt').max(10_000, 'at most 10 000 characters');
/** a per-click key from the renderer: a double-click or a retried request makes one job, not two */
const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, 'a key of 8–100 letters, digits, - or _')
  .optional();

export const jobDtoSchema = z.object({
  id: z.string(),
  kind: z.enum(JOB_KIND_VALUES),
  status: z.enum(JOB_STATUS_VALUES),
  model: z.string(),
  prompt: z.string(),
  params: z.record(z.string(), z.unknown()),
  inputIds: z.array(z.string()),
  parentMediaId: z.string().nullable(),
  createdAt: z.number(),
  submittedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** what the job made, with URLs from the transport (the renderer never builds one) */
  results: z.array(z.object({ id: z.string(), url: z.string(), thumbUrl: z.string().nullable() })),
  /** video: how long such a job usually takes, shown against elapsed time (no invented percentages) */
  typicalDurationMs: z.number().nullable(),
  /**
   * the jobs of one click share it (four images of one request are one entry in the queue); null for
   * a job created without a per-click key. Optional so older fixtures and rows stay valid.
   */
  requestId: z.string().nullable().optional(),
  /**
   * when a new attempt may go (ms since epoch), else null: a waiting job held back by Google's rate
   * limit or by the spend limit (`waitingFor` says which), or a job that failed on a rate limit
   */
  retryAt: z.number().nullable().optional(),
  /** the price before sending (micro-dollars); null when no price was known */
  estimatedCostMicros: z.number().int().nullable().optional(),
  /** what it cost once it ended (micro-dollars; Google's usage where reported, else the price table); null until then */
  actualCostMicros: z.number().int().nullable().optional(),
  /** what a waiting job waits for besides a free slot: Google's rate limit, or the admin's spend limit */
  waitingFor: z.enum(['rateLimit', 'spendLimit']).nullable().optional(),
});
export type JobDto = z.infer<typeof jobDtoSchema>;

const jobIds = z.object({ jobIds: z.array(z.string()) });

export const generationModelsList = defineRoute({
  name: 'generation.models.list',
  access: 'user',
  input: z.object({}).strict().optional(),
  output: z.object({
    models: z.array(catalogueModelSchema),
    /** the price rules in force for those models (an admin's correction, else shipped): the estimate beside Generate */
    prices: z.record(z.string(), priceRulesSchema),
  }),
});

export const generationImageCreate = defineRoute({
  name: 'generation.image.create',
  access: 'user',
  input: z
    .object({
      prompt,
      model: modelId.optional(),
      aspectRatio: option.optional(),
      imageSize: option.optional(),
      count: z.number().int().min(1, 'at least 1 image').max(4, 'at most 4 images').default(1),
      referenceIds: z.array(id).max(14).default([]),
      idempotencyKey,
    })
    .strict(),
  output: jobIds,
});

export const generationImageEdit = defineRoute({
  name: 'generation.image.edit',
  access: 'user',
  input: z
    .object({
      sourceId: id,
      prompt,
      referenceIds: z.array(id).max(13).default([]),
      model: modelId.optional(),
      aspectRatio: option.optional(),
      imageSize: option.optional(),
      idempotencyKey,
    })
    .strict(),
  output: jobIds,
});

export const generationVideoCreate = defineRoute({
  name: 'generation.video.create',
  access: 'user',
  input: z
    .object({
      prompt,
      model: modelId.optional(),
      firstFrameId: id.optional(),
      lastFrameId: id.optional(),
      referenceIds: z.array(id).max(14).default([]),
      negativePrompt: z.string().trim().max(2_000).optional(),
      aspectRatio: option.optional(),
      resolution: option.optional(),
      durationSeconds: z.number().int().min(1).max(60).optional(),
      /** continue a previous video (Veo extension / Omni extend) */
      extendMediaId: id.optional(),
      /** refine a previous Omni video conversationally */
      refineMediaId: id.optional(),
      idempotencyKey,
    })
    .strict(),
  output: jobIds,
});

export const jobsList = defineRoute({
  name: 'jobs.list',
  access: 'user',
  input: z
    .object({
      cursor: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(100).default(30),
      /** only jobs that have not finished */
      active: z.boolean().optional(),
    })
    .strict()
    .default({ limit: 30 }),
  output: z.object({ items: z.array(jobDtoSchema), nextCursor: z.string().nullable() }),
});

export const jobsCancel = defineRoute({
  name: 'jobs.cancel',
  access: 'user',
  input: z.object({ jobId: id }).strict(),
  output: z.object({ job: jobDtoSchema }),
});
