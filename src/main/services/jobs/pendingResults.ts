import fs from 'node:fs';
import path from 'node:path';
import type { ReportedUsage } from '../../../shared/domain/pricing';
import { writeDurable } from '../media/durableFile';
import type { MediaFileFacts } from './ports';

/** The folder under the data folder where delivered-but-unrecorded results are noted. */
export const PENDING_RESULTS_DIR = 'pending-results';

/** A result Google delivered and the store made durable, whose database row is not written yet. */
export interface PendingResult {
  jobId: string;
  prepared: MediaFileFacts & { createdAt?: number };
  providerRef: string | null;
  /** job fields written with the success (the image's response id) */
  fields: { responseId?: string | null };
  /** Google's token counts for the call, for the job's actual cost */
  usage?: ReportedUsage;
}

/**
 * A note on disk, beside the database, for each result that is durable as a file but not yet
 * recorded: written before the job's finishing transaction, removed after it commits. While
 * another process holds the database's write lock the job cannot be finished; the note is what
 * lets the next start finish it from the kept file instead of calling it interrupted, and what
 * keeps the start-up media sweep from removing that file as an orphan.
 */
export class PendingResults {
  constructor(readonly dir: string) {}

  static inDataDir(dataDir: string): PendingResults {
    return new PendingResults(path.join(dataDir, PENDING_RESULTS_DIR));
  }

  async save(result: PendingResult): Promise<void> {
    await writeDurable(this.fileOf(result.jobId), Buffer.from(JSON.stringify(result)));
  }

  /**
   * Removes a note once its result is recorded. Not awaited by the job runner: a note that outlives
   * a crash is harmless (the next start finds its result recorded already), and a synchronous
   * unlink would hold main's event loop for every finished job.
   */
  async remove(jobId: string): Promise<void> {
    await fs.promises.rm(this.fileOf(jobId), { force: true });
  }

  /** Every readable note; a damaged one (a crash mid-write leaves only a temp file) is skipped. */
  list(): PendingResult[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: PendingResult[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      try {
        const value = JSON.parse(fs.readFileSync(path.join(this.dir, name), 'utf8')) as PendingResult;
        if (typeof value?.jobId === 'string' && typeof value.prepared?.id === 'string' && typeof value.prepared.relPath === 'string') out.push(value);
      } catch {
        // unreadable: nothing to recover from it
      }
    }
    return out;
  }

  /** The media ids the notes keep alive (the start-up sweep must not remove their files). */
  mediaIds(): Set<string> {
    return new Set(this.list().map((p) => p.prepared.id));
  }

  private fileOf(jobId: string): string {
    // job ids are UUIDs made by main; anything else is refused rather than joined into a path
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(jobId)) throw new Error(`unexpected job id ${jobId.slice(0, 80)}`);
    return path.join(this.dir, `${jobId}.json`);
  }
}
