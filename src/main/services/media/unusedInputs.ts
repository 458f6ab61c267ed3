import { inArray } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { media } from '../../db/schema';
import { isBusyError, withoutBusyWait, withWriteTx } from '../../db/tx';
import type { Logger } from '../../logger';
import { unusedInputs, type UnusedInputRow } from './mediaRepository';
import type { MediaStore } from './mediaStore';

/**
 * How long a file picked for a generator may stay unused before it goes. A pick that no job used
 * and no draft shows is one the person gave up on; they cannot see it anywhere to delete it, and it
 * counts toward their import limit. A week is well past a working session and a weekend, so a
 * person who picks a file, leaves the page and comes back within days still has it.
 */
export const UNUSED_INPUT_MAX_AGE_MS = 7 * 24 * 60 * 60_000;

/** How often a running app sweeps again (the start-up sweep covers most installs). */
export const UNUSED_INPUT_SWEEP_EVERY_MS = 24 * 60 * 60_000;

/** At most this many per transaction, so a first sweep after a long time never holds the write lock long. */
const BATCH = 500;

/**
 * Removes inputs picked for a generator (`media.import` with purpose `input`, `listed = false`)
 * that are older than `UNUSED_INPUT_MAX_AGE_MS`, that no job names among its inputs and that no
 * saved draft refers to. A job that uses an input lists it in the transaction that records the job
 * (so an unlisted input is normally unused by any job); the job check here is a second guard.
 *
 * Crash-safe like every delete (docs/media.md): the rows go in one transaction, then the files; a
 * crash in between leaves files without rows, which the start-up folder sweep removes. Nothing is
 * announced: these items were never listed, so no window shows them. A busy database (another
 * process holds the lock) skips the sweep until the next run, and never stops the app starting.
 * Returns how many inputs were removed.
 */
export async function sweepUnusedInputs(deps: { db: Db; clock: Clock; logger: Logger; store: MediaStore }): Promise<number> {
  const before = deps.clock.now() - UNUSED_INPUT_MAX_AGE_MS;
  let removed = 0;
  for (;;) {
    let rows: UnusedInputRow[];
    try {
      rows = withoutBusyWait(deps.db, () =>
        withWriteTx(deps.db, () => {
          const found = unusedInputs(deps.db, before, BATCH);
          if (found.length)
            deps.db
              .delete(media)
              .where(inArray(media.id, ids(found)))
              .run();
          return found;
        }),
      );
    } catch (error) {
      if (!isBusyError(error)) throw error;
      deps.logger.warn('unused picked inputs not swept: the database is busy; the next sweep tries again', { removed });
      return removed;
    }
    if (!rows.length) break;
    await deps.store.removeFiles(rows);
    removed += rows.length;
    if (rows.length < BATCH) break;
  }
  if (removed) deps.logger.info('unused picked inputs removed', { removed, olderThanDays: UNUSED_INPUT_MAX_AGE_MS / 86_400_000 });
  return removed;
}

const ids = (rows: UnusedInputRow[]) => rows.map((r) => r.id);
