import { z } from 'zod';
import {
  IMPORT_MAX_BYTES,
  IMPORT_TOO_LARGE,
  MEDIA_BATCH_MAX,
  MEDIA_PAGE_DEFAULT,
  MEDIA_PAGE_MAX,
  MEDIA_QUERY_MAX_CHARS,
  mediaIdSchema,
  mediaKindSchema,
} from '../../domain/media';
import { workstationSchema } from '../../domain/workstation';
import { defineRoute } from '../route';

const epochMs = z.number().int().min(0).max(8.64e15);

/**
 * One media item as the renderer sees it. `url` and `thumbUrl` come from main (the transport's media
 * base), so the renderer never builds a file path or protocol URL. `owner` and `workstation` are only
 * present for admins (docs/media.md: admins see who made what, from which workstation).
 */
export const mediaItemSchema = z.object({
  id: z.string(),
  kind: mediaKindSchema,
  url: z.string(),
  /** null when no thumbnail exists (a video whose poster frame could not be made) */
  thumbUrl: z.string().nullable(),
  mimeType: z.string(),
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  prompt: z.string().nullable(),
  negativePrompt: z.string().nullable(),
  model: z.string().nullable(),
  favorite: z.boolean(),
  /** the start-up check found the file gone: the item is listed, but cannot be shown */
  missing: z.boolean(),
  createdAt: z.number().int(),
  parentMediaId: z.string().nullable(),
  jobId: z.string().nullable(),
  owner: z.object({ userId: z.string(), email: z.string() }).optional(),
  workstation: workstationSchema.optional(),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;

export const mediaDetailsSchema = mediaItemSchema.extend({
  /** every parameter the generation sent, as recorded */
  params: z.record(z.string(), z.unknown()),
  inputIds: z.array(z.string()),
  /** the input items this one was made from, that the caller may see */
  inputs: z.array(mediaItemSchema),
  /** parent, grandparent, … (what this item edits, animates or extends), nearest first */
  sourceChain: z.array(mediaItemSchema),
  /** what the job that made it cost (micro-dollars); absent for imported items */
  cost: z.object({ estimatedMicros: z.number().int().nullable(), actualMicros: z.number().int().nullable() }).nullable().optional(),
});
export type MediaDetails = z.infer<typeof mediaDetailsSchema>;

const kindTotals = z.object({ count: z.number().int(), bytes: z.number().int() });
export const mediaTotalsSchema = z.object({
  count: z.number().int(),
  bytes: z.number().int(),
  missing: z.number().int(),
  byKind: z.object({ image: kindTotals, video: kindTotals, input: kindTotals }),
});
export type MediaTotals = z.infer<typeof mediaTotalsSchema>;

export const mediaImport = defineRoute({
  name: 'media.import',
  access: 'user',
  input: z
    .object({
      /**
       * The file's bytes, as bytes: Electron's IPC copies a Uint8Array as it is (structured clone),
       * and the browser harness decodes its HTTP encoding back into one before the router, so
       * handlers see the same type from both. The type is read from the bytes, never from the name.
       */
      bytes: z
        .instanceof(Uint8Array, { error: "expected the file's bytes (a Uint8Array)" })
        .refine((bytes) => bytes.byteLength > 0, 'the file is empty')
        .refine((bytes) => bytes.byteLength <= IMPORT_MAX_BYTES, IMPORT_TOO_LARGE),
      fileName: z.string().max(255).optional(),
      /**
       * `gallery` (the default): the Gallery's own import, listed at once. `input`: a file picked
       * for a generator, stored but left out of the gallery until a job uses it.
       */
      purpose: z.enum(['gallery', 'input']).optional(),
    })
    .strict(),
  output: z.object({
    id: z.string(),
    mediaUrl: z.string(),
    thumbUrl: z.string().nullable(),
    width: z.number().int(),
    height: z.number().int(),
    mimeType: z.string(),
  }),
});

export const mediaList = defineRoute({
  name: 'media.list',
  access: 'user',
  input: z
    .object({
      /** opaque: the `nextCursor` of the previous page */
      cursor: z.string().max(300).optional(),
      limit: z.number().int().min(1).max(MEDIA_PAGE_MAX).default(MEDIA_PAGE_DEFAULT),
      kind: mediaKindSchema.optional(),
      model: z.string().min(1).max(200).optional(),
      /** admins: one of the users they manage (or themselves) */
      userId: z.string().min(1).max(64).optional(),
      favorite: z.boolean().optional(),
      /** words or word beginnings that must all appear in the prompt */
      query: z.string().max(MEDIA_QUERY_MAX_CHARS).optional(),
      /** created at or after (ms since the epoch) */
      from: epochMs.optional(),
      /** created before (ms since the epoch) */
      to: epochMs.optional(),
    })
    .strict(),
  output: z.object({ items: z.array(mediaItemSchema), nextCursor: z.string().nullable() }),
});

export const mediaGet = defineRoute({
  name: 'media.get',
  access: 'user',
  input: z.object({ id: mediaIdSchema }).strict(),
  output: mediaDetailsSchema,
});

export const mediaFavorite = defineRoute({
  name: 'media.favorite',
  access: 'user',
  input: z.object({ id: mediaIdSchema, favorite: z.boolean() }).strict(),
  output: z.object({ id: z.string(), favorite: z.boolean() }),
});

const idBatch = z.array(mediaIdSchema).min(1, 'nothing selected').max(MEDIA_BATCH_MAX, `at most ${MEDIA_BATCH_MAX} items at once`);

export const mediaDelete = defineRoute({
  name: 'media.delete',
  access: 'user',
  input: z.object({ ids: idBatch }).strict(),
  output: z.object({ deleted: z.array(z.string()) }),
});

export const mediaExport = defineRoute({
  name: 'media.export',
  access: 'user',
  // No destination from the renderer: a page must not be able to make main write into any folder it
  // names. The folder comes from the app's own save dialog (Electron) or the data folder (harness).
  input: z.object({ ids: idBatch }).strict(),
  output: z.object({
    /** false when the person closed the folder dialog */
    exported: z.boolean(),
    path: z.string().nullable(),
    files: z.number().int(),
    skipped: z.array(z.object({ id: z.string(), reason: z.enum(['missing']) })),
  }),
});

export const mediaStats = defineRoute({
  name: 'media.stats',
  access: 'user',
  input: z.object({}).strict().optional(),
  output: z.object({
    own: mediaTotalsSchema,
    /** admins only: over the users they manage (not counting themselves), and per user */
    managed: mediaTotalsSchema.extend({ users: z.array(z.object({ userId: z.string(), email: z.string(), totals: mediaTotalsSchema })) }).nullable(),
    /** the models that made the visible media, for the gallery's model filter */
    models: z.array(z.string()),
  }),
});

/** The filters of `media.list` without paging: what `media.count` counts. */
const listFilters = mediaList.input.omit({ cursor: true, limit: true });

/**
 * How many items a gallery view holds ("100,000 items", "214 results"). Without filters the count is
 * exact (an index-only count); a search or filter is counted up to MEDIA_COUNT_CAP, so a search that
 * matches most of a 100 000-item library costs a bounded walk, and `capped` then says "more than".
 */
export const mediaCount = defineRoute({
  name: 'media.count',
  access: 'user',
  input: listFilters.strict(),
  output: z.object({ count: z.number().int(), capped: z.boolean() }),
});

/**
 * The versions of a piece of work (docs/media.md): the root an item descends from (edits of an
 * image, refines and extensions of a video follow `parentMediaId`) and every item of that tree the
 * caller may see. A version the caller may not see is left out with everything made from it.
 */
export const mediaVersions = defineRoute({
  name: 'media.versions',
  access: 'user',
  input: z.object({ id: mediaIdSchema }).strict(),
  output: z.object({
    rootId: z.string(),
    /** the tree's items, oldest first; `parentMediaId` links them */
    items: z.array(mediaItemSchema),
    /** true when the tree was larger than one answer holds (it is cut, never an error) */
    truncated: z.boolean(),
  }),
});

/** What this transport can do beyond the contract's core (desktop dialogs and the file manager). */
export const mediaCapabilitiesGet = defineRoute({
  name: 'media.capabilities.get',
  access: 'user',
  input: z.object({}).strict().optional(),
  output: z.object({ saveAs: z.boolean(), revealInFolder: z.boolean(), exportToChosenFolder: z.boolean() }),
});

export const mediaSaveAs = defineRoute({
  name: 'media.save_as',
  access: 'user',
  input: z.object({ id: mediaIdSchema }).strict(),
  output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
});

export const mediaReveal = defineRoute({
  name: 'media.reveal',
  access: 'user',
  input: z.object({ id: mediaIdSchema }).strict(),
  output: z.object({ revealed: z.boolean() }),
});

export const mediaRoutes = [
  mediaImport,
  mediaList,
  mediaGet,
  mediaFavorite,
  mediaDelete,
  mediaExport,
  mediaStats,
  mediaCount,
  mediaVersions,
  mediaCapabilitiesGet,
  mediaSaveAs,
  mediaReveal,
] as const;
