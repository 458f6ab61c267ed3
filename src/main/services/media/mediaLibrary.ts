import path from 'node:path';
import { eq } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import { exportFileName } from '../../../shared/domain/exportNames';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { media } from '../../db/schema';
import type { Actor, Caller } from '../../identity';
import type { EventHub } from '../app/eventHub';
import { deleteMedia } from './deleteMedia';
import type { MediaDesktopHooks } from './desktopHooks';
import { exportMedia } from './exportMedia';
import { findVisibleMedia, getMediaDetails, mediaNotFound } from './getMedia';
import { countMedia, listMedia } from './listMedia';
import { announceMedia } from './mediaEvents';
import { mediaUrl } from './mediaRecord';
import type { MediaRecord } from './mediaRepository';
import { mediaStats } from './mediaStats';
import { mediaVersions } from './mediaVersions';
import type { MediaStore } from './mediaStore';

export interface MediaLibraryDeps {
  db: Db;
  clock: Clock;
  events: EventHub;
  media: MediaStore;
  dataDir: string;
  workstation: () => WorkstationIdentity;
  /** prefix of media URLs in DTOs: `studio-media://media/` (Electron) or `/media/` (harness) */
  mediaUrlBase: string;
  /** native dialogs and the file manager, when the transport has them (Electron) */
  mediaDesktop: MediaDesktopHooks;
  /** the id of the session bound to a transport now, null when signed out */
  currentSessionId: (transportId: string) => string | null;
  /** how many bytes of imported inputs one person may keep (the admin's import limit) */
  importLimitBytes: () => number;
}

/**
 * The gallery's side of main, one method per `media.*` route: listing, details, favourites,
 * import, delete, export and the desktop-only actions. Every method checks the actor's scope (own
 * items; an admin also a managed user's) and answers "not found" for anything out of it.
 */
export class MediaLibrary {
  constructor(private readonly deps: MediaLibraryDeps) {}

  list(actor: Actor, input: ParsedInput<'media.list'>): RouteOutput<'media.list'> {
    return listMedia(this.deps.db, actor, input, this.deps.mediaUrlBase);
  }

  get(actor: Actor, id: string): RouteOutput<'media.get'> {
    return getMediaDetails(this.deps.db, actor, id, this.deps.mediaUrlBase);
  }

  count(actor: Actor, input: ParsedInput<'media.count'>): RouteOutput<'media.count'> {
    return countMedia(this.deps.db, actor, input);
  }

  versions(actor: Actor, id: string): RouteOutput<'media.versions'> {
    return mediaVersions(this.deps.db, actor, id, this.deps.mediaUrlBase);
  }

  stats(actor: Actor): RouteOutput<'media.stats'> {
    return mediaStats(this.deps.db, actor);
  }

  setFavorite(actor: Actor, id: string, favorite: boolean): RouteOutput<'media.favorite'> {
    if (!findVisibleMedia(this.deps.db, actor, id)) throw mediaNotFound();
    this.deps.db.update(media).set({ favorite }).where(eq(media.id, id)).run();
    return { id, favorite };
  }

  async importImage(actor: Actor, input: ParsedInput<'media.import'>): Promise<RouteOutput<'media.import'>> {
    const { mediaUrlBase } = this.deps;
    // a view over the bytes the transport delivered (the contract checked size and type), not a copy
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    const row = await this.deps.media.importImage({
      userId: actor.userId,
      bytes,
      fileName: input.fileName,
      workstation: this.deps.workstation(),
      limitBytes: this.deps.importLimitBytes(),
      listed: input.purpose !== 'input',
    });
    // a generator's input is announced when a job uses it and it joins the gallery (MediaPort.listInputs)
    if (input.purpose !== 'input') announceMedia(this.deps, 'media.created', actor.userId, [row.id]);
    return {
      id: row.id,
      mediaUrl: mediaUrl(mediaUrlBase, row.id, 'original'),
      thumbUrl: row.thumbRelPath ? mediaUrl(mediaUrlBase, row.id, 'thumbnail') : null,
      width: row.width ?? 0,
      height: row.height ?? 0,
      mimeType: row.mimeType,
    };
  }

  async delete(actor: Actor, ids: string[]): Promise<RouteOutput<'media.delete'>> {
    return { deleted: await deleteMedia(this.deps, actor, ids) };
  }

  capabilities(): RouteOutput<'media.capabilities.get'> {
    const desktop = this.deps.mediaDesktop;
    return {
      saveAs: Boolean(desktop.chooseSaveFile),
      revealInFolder: Boolean(desktop.revealInFolder),
      exportToChosenFolder: Boolean(desktop.chooseExportFolder),
    };
  }

  async export(actor: Actor, caller: Caller, ids: string[]): Promise<RouteOutput<'media.export'>> {
    let parentDir: string | null;
    const chooseExportFolder = this.deps.mediaDesktop.chooseExportFolder;
    if (chooseExportFolder) {
      parentDir = await chooseExportFolder(caller.transportId);
      if (!parentDir) return { exported: false, path: null, files: 0, skipped: [] };
      this.assertStillSignedIn(caller, actor);
    } else {
      // no dialog (browser harness): a fresh folder under the data folder
      parentDir = path.join(this.deps.dataDir, 'exports');
    }
    const result = await exportMedia(this.deps, actor, ids, { parentDir, now: this.deps.clock.now() });
    return { exported: true, ...result };
  }

  async saveAs(actor: Actor, caller: Caller, id: string): Promise<RouteOutput<'media.save_as'>> {
    const chooseSaveFile = this.deps.mediaDesktop.chooseSaveFile;
    if (!chooseSaveFile) throw new StudioError('NOT_FOUND', 'Save as is only available in the desktop app.');
    const { row, file } = await this.visibleFile(actor, id);
    // named like an exported file, so a saved copy and an export of the same item look alike
    const suggested = exportFileName({
      createdAt: row.createdAt,
      prompt: row.prompt,
      timeZone: this.deps.clock.timeZone,
      index: 1,
      ext: path.extname(file),
    });
    const target = await chooseSaveFile(caller.transportId, suggested);
    if (!target) return { saved: false, path: null };
    this.assertStillSignedIn(caller, actor);
    await this.deps.media.copyOut(file, target);
    return { saved: true, path: target };
  }

  async reveal(actor: Actor, id: string): Promise<RouteOutput<'media.reveal'>> {
    const revealInFolder = this.deps.mediaDesktop.revealInFolder;
    if (!revealInFolder) throw new StudioError('NOT_FOUND', 'Showing files in their folder is only available in the desktop app.');
    revealInFolder((await this.visibleFile(actor, id)).file);
    return { revealed: true };
  }

  /** The item and its file on disk, if the actor may see the item and the file is there. */
  private async visibleFile(actor: Actor, id: string): Promise<{ row: MediaRecord; file: string }> {
    const row = findVisibleMedia(this.deps.db, actor, id);
    if (!row) throw mediaNotFound();
    const file = await this.deps.media.resolveContained(row.relPath);
    if (!file) throw new StudioError('NOT_FOUND', 'The file of this item is missing.');
    return { row, file };
  }

  /**
   * A native dialog can stay open for as long as nobody answers it. If the person who opened it was
   * signed out meanwhile (screen lock, idle timeout), whoever answers it now must not receive their
   * files.
   */
  private assertStillSignedIn(caller: Caller, actor: Actor): void {
    if (this.deps.currentSessionId(caller.transportId) !== actor.sessionId) {
      throw new StudioError('UNAUTHENTICATED', 'You were signed out while the dialog was open, so nothing was written.');
    }
  }
}
