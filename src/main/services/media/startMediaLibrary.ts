import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { media } from '../../db/schema';
import type { Logger } from '../../logger';
import { MediaStore } from './mediaStore';
import { sweepMediaFolder, type SweepReport } from './mediaSweep';
import { sweepUnusedInputs, UNUSED_INPUT_SWEEP_EVERY_MS } from './unusedInputs';

export interface StartedMediaLibrary {
  store: MediaStore;
  sweep: SweepReport;
  /** picked inputs no job used and no draft shows, removed at start (unusedInputs.ts) */
  unusedInputsRemoved: number;
  /** waits for background thumbnail repair and the periodic input sweep to stop (shutdown) */
  stop(): Promise<void>;
}

/**
 * Opens the media library at start-up: the integrity sweep runs to completion first (it only lists
 * folders, so it is quick), then picked inputs left unused for a week are removed (again every day
 * while the app runs), then thumbnails that went missing are rebuilt one at a time in the
 * background — the gallery shows a placeholder until each is back.
 */
export async function startMediaLibrary(deps: {
  db: Db;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  ffmpegPath: string | null;
  /** media ids whose files the sweep must keep though they have no row yet (see mediaSweep.ts) */
  keepIds?: ReadonlySet<string>;
}): Promise<StartedMediaLibrary> {
  const store = new MediaStore(deps);
  const sweep = await sweepMediaFolder(deps);
  // housekeeping: a failure is logged and retried by the next run, never a reason not to start
  const unusedInputsRemoved = await sweepUnusedInputs({ ...deps, store }).catch((error: unknown) => {
    deps.logger.error('unused picked inputs not swept', { error: String(error) });
    return 0;
  });
  let stopping = false;
  let inputSweep: Promise<unknown> = Promise.resolve();
  const inputTimer = setInterval(() => {
    inputSweep = inputSweep
      .then(() => (stopping ? 0 : sweepUnusedInputs({ ...deps, store })))
      .catch((error: unknown) => deps.logger.warn('unused picked inputs not swept', { error: String(error) }));
  }, UNUSED_INPUT_SWEEP_EVERY_MS);
  inputTimer.unref();
  const repair = (async () => {
    for (const id of sweep.thumbsToRebuild) {
      if (stopping) return;
      try {
        const row = deps.db
          .select({ id: media.id, kind: media.kind, relPath: media.relPath, createdAt: media.createdAt })
          .from(media)
          .where(eq(media.id, id))
          .get();
        const rel = row ? await store.rebuildThumbnail(row) : null;
        if (!stopping) deps.db.update(media).set({ thumbRelPath: rel }).where(eq(media.id, id)).run();
      } catch (error) {
        deps.logger.warn('thumbnail not rebuilt', { mediaId: id, error: String(error) });
      }
    }
  })();
  return {
    store,
    sweep,
    unusedInputsRemoved,
    async stop() {
      stopping = true;
      clearInterval(inputTimer);
      await Promise.all([repair, inputSweep]);
    },
  };
}
