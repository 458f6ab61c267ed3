import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/contract/errors';
import type { Clock } from '../../clock';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { media, type MediaRow, user } from '../../db/schema';
import type { EventHub } from '../app/eventHub';
import type { GeneratedMediaRecord, InputImage, InputImageFile, MediaPort } from '../jobs/ports';
import { canAccessUser } from '../accounts/scope';
import { inputNotUsable, readInputImageFile } from './inputImageFile';
import { absoluteOf, STAGING_DIR } from './layout';
import { announceMedia } from './mediaEvents';
import type { MediaStore } from './mediaStore';

type ItemRow = Pick<MediaRow, 'id' | 'userId' | 'kind' | 'relPath' | 'mimeType' | 'model' | 'providerRef' | 'missing'>;

/**
 * The media library as the job runner sees it (`jobs/ports.ts`): inputs a user may use, durable
 * outputs that become rows inside the job's finishing transaction, and events after the commit.
 * An id the user may not use answers NOT_FOUND, the same as an id that does not exist.
 */
export function createMediaPort(deps: { db: Db; media: MediaStore; events: EventHub; clock: Clock; dataDir: string }): MediaPort {
  /** An item `userId` may use: their own, or (for an admin) a managed user's. */
  function usable(userId: string, mediaId: string, needsFile: boolean): ItemRow {
    const row: ItemRow | undefined = deps.db
      .select({
        id: media.id,
        userId: media.userId,
        kind: media.kind,
        relPath: media.relPath,
        mimeType: media.mimeType,
        model: media.model,
        providerRef: media.providerRef,
        missing: media.missing,
      })
      .from(media)
      .where(eq(media.id, mediaId))
      .get();
    const actor = deps.db.select({ id: user.id, email: user.email, role: user.role }).from(user).where(eq(user.id, userId)).get();
    if (!row || !actor || (needsFile && row.missing)) throw inputNotUsable();
    if (!canAccessUser(deps.db, { userId: actor.id, email: actor.email, role: actor.role, sessionId: '' }, row.userId)) throw inputNotUsable();
    return row;
  }

  function usableImage(userId: string, mediaId: string): ItemRow {
    const row = usable(userId, mediaId, true);
    if (row.kind === 'video') throw new StudioError('VALIDATION_FAILED', 'A video cannot be used where an image is needed.');
    return row;
  }

  /** An image `userId` may use as an input, as a file inside the media folder. */
  function locateInputImage(userId: string, mediaId: string): InputImageFile {
    const row = usableImage(userId, mediaId);
    // realpath containment, as for serving: a row pointing outside the media folder is not read
    const root = fs.realpathSync(deps.media.root);
    let file: string;
    try {
      file = fs.realpathSync(absoluteOf(deps.dataDir, row.relPath));
    } catch {
      throw inputNotUsable();
    }
    if (!file.startsWith(root + path.sep)) throw inputNotUsable();
    return { id: row.id, mimeType: row.mimeType, file };
  }

  return {
    assertInputImage(userId, mediaId) {
      usableImage(userId, mediaId);
    },

    locateInputImage,

    async readInputImage(userId, mediaId): Promise<InputImage> {
      const { id, mimeType, file } = locateInputImage(userId, mediaId);
      const bytes = await readInputImageFile(file);
      return { id, mimeType, data: bytes.toString('base64') };
    },

    videoForContinuation(userId, mediaId) {
      // continuing needs Google's handle, not the local file: a missing file does not block it
      const row = usable(userId, mediaId, false);
      if (row.kind !== 'video') throw new StudioError('VALIDATION_FAILED', 'Only a video can be extended or refined.');
      return { id: row.id, model: row.model, providerRef: row.providerRef };
    },

    // The declared MIME type is not trusted: the store reads the type from the bytes.
    // stored files carry their `createdAt` through the runner, so the row matches the folder it is in
    prepareImage: (bytes) => deps.media.storeFile({ kind: 'image', source: bytes }),
    prepareVideo: (tempFile) => deps.media.storeFile({ kind: 'video', source: { file: tempFile } }),

    insert(prepared, record: GeneratedMediaRecord) {
      // The source may have been deleted while Google worked: the paid-for result is kept, it just
      // no longer links to an item that is gone (the link would break the foreign key).
      const parentExists =
        record.parentMediaId !== null && deps.db.select({ id: media.id }).from(media).where(eq(media.id, record.parentMediaId)).get() !== undefined;
      const linked = { ...record, parentMediaId: parentExists ? record.parentMediaId : null };
      deps.media.insertRows(deps.db, [deps.media.rowFor(prepared, linked)]);
    },

    discard(prepared) {
      for (const rel of [prepared.relPath, prepared.thumbRelPath]) {
        if (rel) fs.rmSync(absoluteOf(deps.dataDir, rel), { force: true });
      }
    },

    tempDir() {
      const dir = path.join(deps.media.root, STAGING_DIR);
      fs.mkdirSync(dir, { recursive: true });
      return dir;
    },

    announce(userId, mediaIds) {
      announceMedia(deps, 'media.created', userId, mediaIds);
    },

    listInputs(mediaIds) {
      if (mediaIds.length === 0) return [];
      const listed = deps.db
        .update(media)
        .set({ listed: true })
        .where(and(inArray(media.id, [...mediaIds]), eq(media.listed, false)))
        .returning({ id: media.id, userId: media.userId })
        .all();
      const byOwner = new Map<string, string[]>();
      for (const row of listed) byOwner.set(row.userId, [...(byOwner.get(row.userId) ?? []), row.id]);
      return [...byOwner].map(([userId, ids]) => ({ userId, ids }));
    },
  };
}
