import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { tempNameFor } from './layout';

/** The points a durable write passes; a crash after any of them must leave nothing half-made. */
export const DURABLE_STEPS = ['temp-written', 'temp-synced', 'renamed', 'dir-synced'] as const;
export type DurableStep = (typeof DURABLE_STEPS)[number];

/** Called after each step; tests use it to freeze a write at one step, as a crash would. */
export type StepHook = (step: DurableStep) => void | Promise<void>;

export type DurableSource = Uint8Array | { file: string };

/**
 * Writes a file so that after a crash or power cut it is either absent or complete (docs/media.md):
 * temp file in the target folder → fsync → rename over the final name → fsync the folder. The
 * caller inserts the database row only after this resolves; the start-up sweep removes temp files
 * and files that never got a row.
 *
 * A source file (a finished download) is moved into place when it is on the same disk, and copied
 * otherwise; it is gone afterwards either way.
 */
export async function writeDurable(absFile: string, source: DurableSource, onStep?: StepHook): Promise<{ bytes: number }> {
  const dir = path.dirname(absFile);
  await ensureDirDurable(dir);
  const temp = path.join(dir, tempNameFor(path.basename(absFile), randomBytes(6).toString('hex')));
  let renamed = false;
  try {
    const bytes = source instanceof Uint8Array ? await writeNew(temp, source) : await moveIn(source.file, temp);
    await onStep?.('temp-written');
    await syncFile(temp);
    await onStep?.('temp-synced');
    await fs.rename(temp, absFile);
    renamed = true;
    await onStep?.('renamed');
    await syncDir(dir);
    await onStep?.('dir-synced');
    return { bytes };
  } catch (error) {
    // An ordinary failure (disk full, permissions): leave nothing behind. A real crash cannot run
    // this; the start-up sweep covers that case.
    if (!renamed) await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}

async function writeNew(file: string, bytes: Uint8Array): Promise<number> {
  // 'wx': never write through an existing file (or a link someone planted under that name)
  await fs.writeFile(file, bytes, { flag: 'wx' });
  return bytes.byteLength;
}

async function moveIn(source: string, temp: string): Promise<number> {
  try {
    await fs.rename(source, temp);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fs.copyFile(source, temp, fs.constants.COPYFILE_EXCL);
    await fs.rm(source, { force: true });
  }
  return (await fs.stat(temp)).size;
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Makes a rename or a new entry in `dir` survive a power cut. Windows cannot open a folder for
 * fsync (and NTFS journals the rename itself), so there it is skipped.
 */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates missing folders and syncs each parent that gained one, so the new folder itself is durable. */
async function ensureDirDurable(dir: string): Promise<void> {
  try {
    await fs.access(dir);
    return;
  } catch {
    // fall through: create it
  }
  await ensureDirDurable(path.dirname(dir));
  try {
    await fs.mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return;
  }
  await syncDir(path.dirname(dir));
}
