import fs from 'node:fs/promises';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { media } from '../../db/schema';
import type { Logger } from '../../logger';
import { withWriteTx } from '../../db/tx';
import { absoluteOf, classifyFileName, MEDIA_DIR, STAGING_DIR } from './layout';

export interface SweepReport {
  tempRemoved: number;
  orphansRemoved: number;
  flaggedMissing: number;
  unflagged: number;
  /** items whose file is present but whose thumbnail is gone: rebuilt in the background */
  thumbsToRebuild: string[];
  unknownFiles: number;
}

interface RowRef {
  id: string;
  relPath: string;
  thumbRelPath: string | null;
  missing: boolean;
}

/**
 * The start-up integrity pass (docs/media.md). It lists the media folders and compares names with the
 * ids in the database — it never opens or reads a media file, so it stays fast at 100 000 items:
 * - temp files (an interrupted write) and everything in the staging folder are removed;
 * - files named like ours whose id has no row (written, then a crash before the row; or a delete
 *   that removed the row and then crashed) are removed;
 * - rows whose file is gone are flagged `missing`, and unflagged if the file came back.
 * Files with names we never make are left alone (someone's own file is not ours to delete).
 * `keepIds` are results a job delivered but could not record yet (the database was busy): the
 * job runner's recovery records them right after, so they are not orphans.
 *
 * It must run before anything can write media (in `createCore`, before the router exists): a file
 * whose row is about to be inserted would otherwise look like an orphan.
 */
export async function sweepMediaFolder(deps: { db: Db; dataDir: string; logger: Logger; keepIds?: ReadonlySet<string> }): Promise<SweepReport> {
  const report: SweepReport = { tempRemoved: 0, orphansRemoved: 0, flaggedMissing: 0, unflagged: 0, thumbsToRebuild: [], unknownFiles: 0 };
  const root = path.join(deps.dataDir, MEDIA_DIR);
  await fs.rm(path.join(root, STAGING_DIR), { recursive: true, force: true });

  const rows: RowRef[] = deps.db
    .select({ id: media.id, relPath: media.relPath, thumbRelPath: media.thumbRelPath, missing: media.missing })
    .from(media)
    .all();
  const ids = new Set(rows.map((r) => r.id));

  // relPath of every file present, and the folders that were listed
  const present = new Set<string>();
  const listedFolders = new Set<string>();
  const months: string[] = [];
  for (const year of await folders(root, /^\d{4}$/)) {
    for (const month of await folders(path.join(root, year), /^\d{2}$/)) months.push(`${year}/${month}`);
  }
  // the listings are independent: read them concurrently, then judge every name
  const listings = await Promise.all(months.map((m) => fs.readdir(path.join(root, ...m.split('/')), { withFileTypes: true })));
  for (const [i, entries] of listings.entries()) {
    const folderRel = `${MEDIA_DIR}/${months[i]}`;
    listedFolders.add(folderRel);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const rel = `${folderRel}/${entry.name}`;
      const kind = classifyFileName(entry.name);
      if (kind.type === 'temp') {
        await remove(deps, rel);
        report.tempRemoved++;
      } else if (kind.type === 'unknown') {
        report.unknownFiles++;
      } else if (!ids.has(kind.id) && !deps.keepIds?.has(kind.id)) {
        await remove(deps, rel);
        report.orphansRemoved++;
      } else {
        present.add(rel);
      }
    }
  }

  // Set lookups for the usual layout; only a path outside it (older data) asks the file system.
  const exists = (rel: string): boolean | Promise<boolean> =>
    listedFolders.has(rel.slice(0, rel.lastIndexOf('/')))
      ? present.has(rel)
      : fs.access(absoluteOf(deps.dataDir, rel)).then(
          () => true,
          () => false,
        );
  const nowMissing: string[] = [];
  const backAgain: string[] = [];
  for (const row of rows) {
    const found = exists(row.relPath);
    const hasFile = typeof found === 'boolean' ? found : await found;
    if (!hasFile && !row.missing) nowMissing.push(row.id);
    if (hasFile && row.missing) backAgain.push(row.id);
    if (hasFile && row.thumbRelPath !== null) {
      const thumb = exists(row.thumbRelPath);
      if (!(typeof thumb === 'boolean' ? thumb : await thumb)) report.thumbsToRebuild.push(row.id);
    }
  }
  if (nowMissing.length + backAgain.length > 0) {
    withWriteTx(deps.db, () => {
      // in chunks: one statement per id would be slow at 100 000 items, one for all could pass SQLite's variable limit
      for (const [ids, missing] of [
        [nowMissing, true],
        [backAgain, false],
      ] as const) {
        for (let i = 0; i < ids.length; i += 500)
          deps.db
            .update(media)
            .set({ missing })
            .where(inArray(media.id, ids.slice(i, i + 500)))
            .run();
      }
    });
  }
  report.flaggedMissing = nowMissing.length;
  report.unflagged = backAgain.length;

  if (report.tempRemoved + report.orphansRemoved + report.flaggedMissing + report.unflagged + report.thumbsToRebuild.length > 0) {
    const { thumbsToRebuild, ...counts } = report;
    deps.logger.info('media sweep repaired the library', { ...counts, thumbsToRebuild: thumbsToRebuild.length });
  }
  return report;
}

async function folders(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && pattern.test(e.name)).map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function remove(deps: { dataDir: string; logger: Logger }, rel: string): Promise<void> {
  await fs.rm(absoluteOf(deps.dataDir, rel), { force: true }).catch((error: unknown) => {
    deps.logger.warn('sweep could not remove a file', { relPath: rel, error: String(error) });
  });
}
