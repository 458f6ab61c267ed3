import { z } from 'zod';
import { JOB_KIND_VALUES } from '../../domain/jobs';
import { defineRoute } from '../route';

/**
 * Drafts and prompt history: what a person was writing on a generator page, kept by main for that
 * person only (it survives navigation, an app restart and an idle sign-out, never reaches the next
 * person at the workstation, and goes with the account), and the prompts they already sent.
 */

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id');
const option = z.string().max(20);

export const DRAFT_PAGES = ['image', 'edit', 'video'] as const;
export const draftPageSchema = z.enum(DRAFT_PAGES);
export type DraftPage = z.infer<typeof draftPageSchema>;

/** An input image as the draft keeps it: the media id, and the name the slot showed ("holiday.png"). */
const savedInput = z.object({ id, name: z.string().max(200) }).strict();
/** As a draft is read back: only items the person may still use, with URLs made by main. */
const shownInput = savedInput.extend({ url: z.string(), thumbUrl: z.string().nullable() });

function draftValue<I extends z.ZodType>(input: I) {
  const slot = z.array(input).max(14).optional();
  return z
    .object({
      prompt: z.string().max(10_000),
      negativePrompt: z.string().max(2_000).optional(),
      model: z.string().max(100).optional(),
      /** the Video page's mode ('text', 'image', 'interpolation', 'references', 'continue') */
      mode: z.string().max(20).optional(),
      options: z
        .object({
          aspectRatio: option.optional(),
          imageSize: option.optional(),
          resolution: option.optional(),
          count: z.number().int().min(1).max(4).optional(),
          durationSeconds: z.number().int().min(1).max(60).optional(),
        })
        .strict(),
      inputs: z.object({ source: slot, references: slot, firstFrame: slot, lastFrame: slot }).strict(),
      /** the finished video a Video draft extends or refines */
      target: z
        .object({ mediaId: id, how: z.enum(['extend', 'refine']), prompt: z.string().max(10_000) })
        .strict()
        .optional(),
    })
    .strict();
}

/** What the renderer sends: bounded in every field (a draft is at most a few dozen kB). */
export const draftValueSchema = draftValue(savedInput);
export type DraftValue = z.infer<typeof draftValueSchema>;
/** What main gives back: unusable inputs (deleted, missing, no longer the person's to use) dropped. */
export const shownDraftSchema = draftValue(shownInput);
export type ShownDraft = z.infer<typeof shownDraftSchema>;
export type ShownDraftInput = z.infer<typeof shownInput>;

export const draftsGet = defineRoute({
  name: 'drafts.get',
  access: 'user',
  input: z.object({ page: draftPageSchema }).strict(),
  output: z.object({ draft: shownDraftSchema.nullable(), updatedAt: z.number().nullable() }),
});

export const draftsSave = defineRoute({
  name: 'drafts.save',
  access: 'user',
  input: z.object({ page: draftPageSchema, value: draftValueSchema }).strict(),
  output: z.object({ updatedAt: z.number() }),
});

export const draftsClear = defineRoute({
  name: 'drafts.clear',
  access: 'user',
  /** one page, or every page when none is named */
  input: z.object({ page: draftPageSchema.optional() }).strict(),
  output: z.object({ cleared: z.number().int() }),
});

const promptHistoryItemSchema = z.object({ prompt: z.string(), lastUsedAt: z.number() });

export const promptsHistory = defineRoute({
  name: 'prompts.history',
  access: 'user',
  input: z
    .object({
      /** words the prompt contains (case-insensitive for Latin letters) */
      query: z.string().trim().max(200).optional(),
      /** only prompts of this kind of job (the Edit page lists instructions) */
      kind: z.enum(JOB_KIND_VALUES).optional(),
      /** where the previous page ended (a position in the list: a prompt used meanwhile moves to the top) */
      cursor: z
        .string()
        .regex(/^\d{1,6}$/, 'a cursor from a previous page')
        .optional(),
      limit: z.number().int().min(1).max(100).default(30),
    })
    .strict(),
  /** distinct prompts, the most recently used first */
  output: z.object({ items: z.array(promptHistoryItemSchema), nextCursor: z.string().nullable() }),
});

export const draftRoutes = [draftsGet, draftsSave, draftsClear, promptsHistory] as const;
