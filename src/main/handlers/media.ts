import path from 'node:path';
import { StudioError } from '../../shared/contract/errors';
import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { deleteMedia } from '../services/media/deleteMedia';
import { exportMedia } from '../services/media/exportMedia';
import { findVisibleMedia, getMediaDetails, mediaNotFound } from '../services/media/getMedia';
import { decodeImportBytes } from '../services/media/importBytes';
import { listMedia } from '../services/media/listMedia';
import { announceMedia } from '../services/media/mediaEvents';
import { mediaUrl } from '../services/media/mediaRecord';
import { mediaStats } from '../services/media/mediaStats';

type MediaRoutes =
  | 'media.import'
  | 'media.list'
  | 'media.get'
  | 'media.favorite'
  | 'media.delete'
  | 'media.export'
  | 'media.stats'
  | 'media.capabilities.get'
  | 'media.save_as'
  | 'media.reveal';

export function mediaHandlers(s: Services): Pick<Handlers, MediaRoutes> {
  return {
    'media.import': async (input, { actor }) => {
      const bytes = decodeImportBytes(input.bytes);
      const limitBytes = s.settings.get('importLimitMb') * 1024 * 1024;
      const row = await s.media.importImage({ userId: actor.userId, bytes, fileName: input.fileName, workstation: s.workstation(), limitBytes });
      announceMedia(s, 'media.created', actor.userId, [row.id]);
      return {
        id: row.id,
        mediaUrl: mediaUrl(s.mediaUrlBase, row.id, 'original'),
        thumbUrl: row.thumbRelPath ? mediaUrl(s.mediaUrlBase, row.id, 'thumbnail') : null,
        width: row.width ?? 0,
        height: row.height ?? 0,
        mimeType: row.mimeType,
      };
    },

    'media.list': (input, { actor }) => listMedia(s.db, actor, input, s.mediaUrlBase),

    'media.get': (input, { actor }) => getMediaDetails(s.db, actor, input.id, s.mediaUrlBase),

    'media.favorite': (input, { actor }) => {
      if (!findVisibleMedia(s.db, actor, input.id)) throw mediaNotFound();
      s.db.$client.prepare('UPDATE media SET favorite = ? WHERE id = ?').run(input.favorite ? 1 : 0, input.id);
      return { id: input.id, favorite: input.favorite };
    },

    'media.delete': async (input, { actor }) => ({ deleted: await deleteMedia(s, actor, input.ids) }),

    'media.export': async (input, { actor, caller }) => {
      let parentDir: string | null;
      if (s.mediaDesktop.chooseExportFolder) {
        parentDir = await s.mediaDesktop.chooseExportFolder(caller.transportId);
        if (!parentDir) return { exported: false, path: null, files: 0, skipped: [] };
        assertStillSignedIn(s, caller.transportId, actor.sessionId);
      } else {
        // no dialog (browser harness): a fresh folder under the data folder
        parentDir = path.join(s.dataDir, 'exports');
      }
      const result = await exportMedia(s, actor, input.ids, { parentDir, now: s.clock.now() });
      return { exported: true, ...result };
    },

    'media.stats': (_input, { actor }) => mediaStats(s.db, actor),

    'media.capabilities.get': () => ({
      saveAs: Boolean(s.mediaDesktop.chooseSaveFile),
      revealInFolder: Boolean(s.mediaDesktop.revealInFolder),
      exportToChosenFolder: Boolean(s.mediaDesktop.chooseExportFolder),
    }),

    'media.save_as': async (input, { actor, caller }) => {
      const chooseSaveFile = s.mediaDesktop.chooseSaveFile;
      if (!chooseSaveFile) throw new StudioError('NOT_FOUND', 'Save as is only available in the desktop app.');
      const file = await visibleFile(s, actor, input.id);
      const target = await chooseSaveFile(caller.transportId, `${input.id}${path.extname(file)}`);
      if (!target) return { saved: false, path: null };
      assertStillSignedIn(s, caller.transportId, actor.sessionId);
      await s.media.copyOut(file, target);
      return { saved: true, path: target };
    },

    'media.reveal': async (input, { actor }) => {
      const revealInFolder = s.mediaDesktop.revealInFolder;
      if (!revealInFolder) throw new StudioError('NOT_FOUND', 'Showing files in their folder is only available in the desktop app.');
      revealInFolder(await visibleFile(s, actor, input.id));
      return { revealed: true };
    },
  };
}

/** The item's file on disk, if the actor may see the item and the file is there. */
async function visibleFile(s: Services, actor: Parameters<typeof findVisibleMedia>[1], id: string): Promise<string> {
  const row = findVisibleMedia(s.db, actor, id);
  if (!row) throw mediaNotFound();
  const file = await s.media.resolveContained(row.relPath);
  if (!file) throw new StudioError('NOT_FOUND', 'The file of this item is missing.');
  return file;
}

/**
 * A native dialog can stay open for as long as nobody answers it. If the person who opened it was
 * signed out meanwhile (screen lock, idle timeout), whoever answers it now must not receive their
 * files.
 */
function assertStillSignedIn(s: Services, transportId: string, sessionId: string): void {
  if (s.sessions.current(transportId)?.id !== sessionId) {
    throw new StudioError('UNAUTHENTICATED', 'You were signed out while the dialog was open, so nothing was written.');
  }
}
