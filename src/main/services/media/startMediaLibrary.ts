import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { media } from '../../db/schema';
import type { Logger } from '../../logger';
import { MediaStore } from './mediaStore';
import { sweepMediaFolder, type SweepReport } from './mediaSweep';

export interface StartedMediaLibrary {
  store: MediaStore;
  sweep: SweepReport;
  /** waits for background thumbnail repair to stop (shutdown) */
  stop(): Promise<void>;
}

/**
 * Opens the media library at start-up: the integrity sweep runs to completion first (it only lists
 * folders, so it is quick), then thumbnails that went missing are rebuilt one at a time in the
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
  let stopping = false;
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
    async stop() {
      stopping = true;
      await repair;
    },
  };
}
