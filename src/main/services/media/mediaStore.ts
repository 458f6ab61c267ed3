import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { StudioError } from '../../../shared/contract/errors';
import type { MediaKind } from '../../../shared/domain/media';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { media, type MediaFileFacts } from '../../db/schema';
import type { Logger } from '../../logger';
import { type DurableSource, type DurableStep, writeDurable } from './durableFile';
import { assertImportFits } from './importLimit';
import { absoluteOf, mediaRootOf, originalRelPath, STAGING_DIR, thumbRelPath } from './layout';
import { SNIFF_BYTES, type SniffedType, sniffMediaType } from './sniff';
import { inspectImage, inspectVideo } from './thumbnails';
import { type DbOrTx, withWriteTx } from '../../db/tx';

export type MediaRowValues = typeof media.$inferInsert & { id: string; relPath: string; userId: string };
/** A database handle or the transaction the caller is in. */

/** Every point a media write passes, in order; the crash-safety tests stop a write at each. */
export type MediaWriteStep = `original:${DurableStep}` | `thumb:${DurableStep}` | 'row-inserted';

export interface MediaStoreDeps {
  db: Db;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** the ffmpeg used for video poster frames; null stores videos without one */
  ffmpegPath: string | null;
  /** test seam: awaited after each step of a write */
  onWriteStep?: (step: MediaWriteStep) => void | Promise<void>;
}

/** How an item was made: everything of its row that is not about the file. */
export interface MediaMeta {
  userId: string;
  /** captured by main for the job, never supplied by the renderer */
  workstation: WorkstationIdentity;
  jobId?: string | null;
  prompt?: string | null;
  negativePrompt?: string | null;
  model?: string | null;
  params?: Record<string, unknown>;
  inputIds?: string[];
  parentMediaId?: string | null;
  providerRef?: string | null;
}

export interface PrepareMediaInput extends MediaMeta {
  kind: MediaKind;
  /** the bytes, or a finished download (moved into place, so it is gone afterwards) */
  source: DurableSource;
  createdAt?: number;
}

/** Where a deleted item's files were: removed after the row is gone (docs/media.md: row first, then files). */
export interface MediaFileRefs {
  relPath: string;
  thumbRelPath: string | null;
}

interface MediaFacts {
  width: number | null;
  height: number | null;
  durationMs: number | null;
  thumbnail: Buffer | null;
}

const IMAGE_FORMATS: Record<string, string> = { png: 'png', jpg: 'jpeg', webp: 'webp' };

/**
 * The media store: durable files under `media/<yyyy>/<mm>/`, thumbnails made once, rows inserted
 * only after the files are durable. Generation uses `prepareFile` (files) and `insertRows` (inside
 * its own transaction, with the quota commit); imports use `importImage`, which does both.
 */
export class MediaStore {
  readonly root: string;

  constructor(private readonly deps: MediaStoreDeps) {
    this.root = mediaRootOf(deps.dataDir);
  }

  /**
   * Makes the file and its thumbnail durable and returns the row to insert. Nothing is in the
   * database yet: if the caller's transaction fails, it calls `discard` (and a crash is swept).
   */
  async prepareFile(input: PrepareMediaInput): Promise<MediaRowValues> {
    return this.rowFor(await this.storeFile(input), input);
  }

  /**
   * The file half of `prepareFile`: the durable original and its thumbnail, named by a fresh id.
   * The type comes from the bytes; a video whose poster cannot be made is kept without one.
   */
  async storeFile(input: { kind: MediaKind; source: DurableSource; createdAt?: number }): Promise<MediaFileFacts> {
    const id = randomUUID();
    const createdAt = input.createdAt ?? this.deps.clock.now();
    const type = await this.sniff(input.source);
    const expected = input.kind === 'video' ? 'video' : 'image';
    if (!type || type.family !== expected) {
      throw new StudioError(
        'VALIDATION_FAILED',
        expected === 'image' ? 'This file is not a PNG, JPEG or WebP image.' : 'This file is not an MP4 or WebM video.',
      );
    }
    const relPath = originalRelPath(id, type.ext, createdAt);
    const absFile = absoluteOf(this.deps.dataDir, relPath);

    // An image is decoded before anything touches the disk: a damaged upload leaves no trace.
    const imageFacts = type.family === 'image' ? await this.inspectImageOrReject(input.source, type) : null;
    const { bytes } = await writeDurable(absFile, input.source, (step) => this.step(`original:${step}`));
    let facts: MediaFacts;
    let thumb: string | null = null;
    try {
      facts = imageFacts ? { ...imageFacts, durationMs: null } : await this.inspectVideoOrPosterless(absFile, id);
      if (facts.thumbnail) {
        thumb = thumbRelPath(id, createdAt);
        await writeDurable(absoluteOf(this.deps.dataDir, thumb), facts.thumbnail, (step) => this.step(`thumb:${step}`));
      }
    } catch (error) {
      await this.removeFiles([{ relPath, thumbRelPath: thumb }]);
      throw error;
    }
    const { width, height, durationMs } = facts;
    return { id, kind: input.kind, relPath, thumbRelPath: thumb, mimeType: type.mimeType, bytes, width, height, durationMs, createdAt };
  }

  /** The row for a stored file and what is known about how it was made. */
  rowFor(file: MediaFileFacts, meta: MediaMeta): MediaRowValues {
    return {
      ...file,
      userId: meta.userId,
      jobId: meta.jobId ?? null,
      prompt: meta.prompt ?? null,
      negativePrompt: meta.negativePrompt ?? null,
      model: meta.model ?? null,
      params: meta.params ?? {},
      inputIds: meta.inputIds ?? [],
      parentMediaId: meta.parentMediaId ?? null,
      favorite: false,
      missing: false,
      workstationHost: meta.workstation.hostName,
      workstationUser: meta.workstation.osUser,
      workstationIp: meta.workstation.ipv4,
      providerRef: meta.providerRef ?? null,
    };
  }

  /** Inserts prepared rows; call it inside the transaction that also finishes the job and its quota. */
  insertRows(tx: DbOrTx, rows: MediaRowValues[]): void {
    if (rows.length > 0) tx.insert(media).values(rows).run();
  }

  /** Removes the files of prepared rows whose transaction did not commit. */
  async discard(rows: MediaRowValues[]): Promise<void> {
    await this.removeFiles(rows.map((r) => ({ relPath: r.relPath, thumbRelPath: r.thumbRelPath ?? null })));
  }

  /** An imported input image (docs/media.md): stored like generated media, as kind `input`. */
  async importImage(input: {
    userId: string;
    bytes: Uint8Array;
    fileName?: string;
    workstation: WorkstationIdentity;
    limitBytes?: number;
    /** false for an input picked for a generator: kept out of the gallery until a job uses it */
    listed?: boolean;
  }): Promise<MediaRowValues> {
    const { limitBytes } = input;
    if (limitBytes !== undefined) assertImportFits(this.deps.db, input.userId, input.bytes.length, limitBytes);
    const row = await this.prepareFile({
      userId: input.userId,
      kind: 'input',
      source: input.bytes,
      workstation: input.workstation,
      // kept for the details panel only; the stored name is generated
      params: input.fileName ? { importedFileName: input.fileName } : {},
    });
    if (input.listed === false) row.listed = false;
    try {
      withWriteTx(this.deps.db, (tx) => {
        if (limitBytes !== undefined) assertImportFits(tx, input.userId, row.bytes, limitBytes);
        this.insertRows(tx, [row]);
      });
    } catch (error) {
      await this.discard([row]);
      throw error;
    }
    await this.step('row-inserted');
    return row;
  }

  /**
   * Deletes files whose rows are already gone. A file that cannot be removed now (open elsewhere on
   * Windows) has no row, so the next start-up sweep removes it.
   */
  async removeFiles(refs: MediaFileRefs[]): Promise<void> {
    for (const ref of refs) {
      for (const rel of [ref.relPath, ref.thumbRelPath]) {
        if (!rel) continue;
        await fs.rm(absoluteOf(this.deps.dataDir, rel), { force: true }).catch((error: unknown) => {
          this.deps.logger.warn('media file not removed; the next start-up sweep will', { relPath: rel, error: String(error) });
        });
      }
    }
  }

  /**
   * The real path of a stored file, if it exists and really is inside the media folder. A row that
   * points elsewhere (a tampered database, a symlink planted in the folder) is refused.
   */
  async resolveContained(relPath: string): Promise<string | null> {
    try {
      const [root, real] = await Promise.all([fs.realpath(this.root), fs.realpath(absoluteOf(this.deps.dataDir, relPath))]);
      return real.startsWith(root + path.sep) ? real : null;
    } catch {
      return null;
    }
  }

  /** Copies a stored file to where the person chose (save as…); the dialog has confirmed any overwrite. */
  async copyOut(storedFile: string, target: string): Promise<void> {
    await fs.copyFile(storedFile, target);
  }

  /** A fresh path for a download in progress; hand it to `prepareFile` as `{ file }` when complete. */
  async stagingFile(ext = 'part'): Promise<string> {
    const dir = path.join(this.root, STAGING_DIR);
    await fs.mkdir(dir, { recursive: true });
    return path.join(dir, `${randomBytes(8).toString('hex')}.${ext}`);
  }

  /** Makes a thumbnail again for an item whose thumbnail file went missing (after the sweep). */
  async rebuildThumbnail(row: { id: string; kind: MediaKind; relPath: string; createdAt: number }): Promise<string | null> {
    const file = await this.resolveContained(row.relPath);
    if (!file) return null;
    const facts = row.kind === 'video' ? await this.inspectVideoOrPosterless(file, row.id) : await inspectImage(file);
    if (!facts.thumbnail) return null;
    const rel = thumbRelPath(row.id, row.createdAt);
    await writeDurable(absoluteOf(this.deps.dataDir, rel), facts.thumbnail);
    return rel;
  }

  private async sniff(source: DurableSource): Promise<SniffedType | null> {
    if (source instanceof Uint8Array) return sniffMediaType(source.subarray(0, SNIFF_BYTES));
    const handle = await fs.open(source.file, 'r');
    try {
      const head = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
      return sniffMediaType(head.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  }

  private async inspectImageOrReject(source: DurableSource, type: SniffedType) {
    try {
      const facts = await inspectImage(source instanceof Uint8Array ? Buffer.from(source.buffer, source.byteOffset, source.byteLength) : source.file);
      if (facts.format !== IMAGE_FORMATS[type.ext]) throw new Error(`decoded as ${facts.format}, sniffed as ${type.ext}`);
      return facts;
    } catch (error) {
      this.deps.logger.warn('image rejected', { error: String(error) });
      throw new StudioError('VALIDATION_FAILED', 'This image could not be read: the file is damaged, too large or not really an image.');
    }
  }

  private async inspectVideoOrPosterless(file: string, id: string): Promise<MediaFacts> {
    if (!this.deps.ffmpegPath) return { width: null, height: null, durationMs: null, thumbnail: null };
    try {
      const facts = await inspectVideo(file, this.deps.ffmpegPath);
      return { width: facts.width, height: facts.height, durationMs: facts.durationMs, thumbnail: facts.poster };
    } catch (error) {
      this.deps.logger.warn('video poster frame not made', { mediaId: id, error: String(error) });
      return { width: null, height: null, durationMs: null, thumbnail: null };
    }
  }

  private async step(step: MediaWriteStep): Promise<void> {
    await this.deps.onWriteStep?.(step);
  }
}
