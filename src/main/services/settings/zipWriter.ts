import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Zip, ZipDeflate } from 'fflate';

export interface ZipEntry {
  /** the name inside the zip, `/`-separated */
  name: string;
  content: string | Uint8Array;
}

/** How much is compressed before main's event loop gets a turn (a few milliseconds of work). */
const CHUNK_BYTES = 256 * 1024;

/**
 * Writes a zip so that the target is either the complete archive or untouched: temp file beside it
 * → fsync → rename over the target → fsync the folder. Entries are compressed in small chunks
 * with a turn of the event loop between them, so tens of megabytes of logs never stall requests,
 * and the output goes to disk as it is made rather than into one buffer.
 */
export async function writeZipDurably(target: string, entries: readonly ZipEntry[], mtime: number): Promise<{ bytes: number }> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never write through an existing file (or a link someone planted under that name)
  const handle = await fs.open(temp, 'wx');
  let renamed = false;
  try {
    const out: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else out.push(chunk);
    });
    let bytes = 0;
    const drain = async (): Promise<void> => {
      if (failure) throw failure;
      for (let chunk = out.shift(); chunk; chunk = out.shift()) {
        await handle.write(chunk);
        bytes += chunk.byteLength;
      }
    };
    for (const entry of entries) {
      const file = new ZipDeflate(entry.name, { level: 6 });
      file.mtime = mtime;
      zip.add(file);
      const data = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : entry.content;
      if (data.byteLength === 0) file.push(new Uint8Array(0), true);
      for (let offset = 0; offset < data.byteLength; offset += CHUNK_BYTES) {
        const end = Math.min(offset + CHUNK_BYTES, data.byteLength);
        file.push(data.subarray(offset, end), end === data.byteLength);
        await drain();
        await nextTurn();
      }
    }
    zip.end();
    await drain();
    await handle.sync();
    await handle.close();
    await fs.rename(temp, target);
    renamed = true;
    await syncDir(dir);
    return { bytes };
  } catch (error) {
    await handle.close().catch(() => {});
    if (!renamed) await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}

/** Makes the rename survive a power cut. Windows cannot open a folder for fsync (NTFS journals the rename). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
