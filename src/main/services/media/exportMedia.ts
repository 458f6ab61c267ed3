import fs from 'node:fs/promises';
import path from 'node:path';
import { StudioError } from '../../../shared/contract/errors';
import { exportBaseNamer, exportFolderName } from '../../../shared/domain/exportNames';
import type { Db } from '../../db/client';
import type { Actor } from '../../identity';
import { visibleUserIds } from '../accounts/scope';
import { type MediaRecord, mediaRecordsByIds } from './mediaRepository';
import type { MediaStore } from './mediaStore';

export interface ExportResult {
  path: string;
  files: number;
  skipped: { id: string; reason: 'missing' }[];
}

/**
 * Copies the files of the chosen items into a new folder inside `parentDir` (named after the time,
 * never an existing folder), each with a JSON sidecar of its metadata under the same base name:
 * `2026-11-26_a-castle-in-the-snow_1.png` + `….json` (see shared/domain/exportNames.ts; the date
 * is the creation day on the workstation's calendar, `<n>` counts from the oldest item up). Scope
 * is all-or-nothing like delete; an item whose file is missing is skipped and reported, not a
 * failure of the whole export, and takes no number.
 */
export async function exportMedia(
  deps: { db: Db; media: MediaStore; clock: { timeZone: string } },
  actor: Actor,
  ids: string[],
  target: { parentDir: string; now: number },
): Promise<ExportResult> {
  const unique = [...new Set(ids)];
  const rows = mediaRecordsByIds(deps.db, unique);
  const visible = new Set(visibleUserIds(deps.db, actor));
  if (rows.length !== unique.length || rows.some((r) => !visible.has(r.userId))) {
    throw new StudioError('NOT_FOUND', 'Nothing was exported: some of these items do not exist or you cannot see them.');
  }

  const folder = await createNewFolder(target.parentDir, exportFolderName(target.now, deps.clock.timeZone));
  const result: ExportResult = { path: folder, files: 0, skipped: [] };
  const baseName = exportBaseNamer(deps.clock.timeZone);
  rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  for (const row of rows) {
    const source = await deps.media.resolveContained(row.relPath);
    if (!source) {
      result.skipped.push({ id: row.id, reason: 'missing' });
      continue;
    }
    const base = baseName(row);
    const fileName = `${base}${path.extname(row.relPath).toLowerCase()}`;
    await fs.copyFile(source, path.join(folder, fileName), fs.constants.COPYFILE_EXCL);
    await fs.writeFile(path.join(folder, `${base}.json`), `${JSON.stringify({ file: fileName, ...sidecarOf(row) }, null, 2)}\n`, { flag: 'wx' });
    result.files++;
  }
  return result;
}

/** What a sidecar says about an item: everything the details panel shows, nothing internal (paths). */
export function sidecarOf(row: MediaRecord): Record<string, unknown> {
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mimeType,
    createdAt: new Date(row.createdAt).toISOString(),
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    model: row.model,
    params: row.params ?? {},
    inputIds: row.inputIds ?? [],
    parentMediaId: row.parentMediaId,
    width: row.width,
    height: row.height,
    durationMs: row.durationMs,
    bytes: row.bytes,
    owner: row.ownerEmail,
    workstation: { hostName: row.workstationHost, osUser: row.workstationUser, ipv4: row.workstationIp },
  };
}

/** Makes `<parent>/<base>` (or `<base>-2`, …): an export never writes into a folder that already exists. */
async function createNewFolder(parentDir: string, base: string): Promise<string> {
  await fs.mkdir(parentDir, { recursive: true });
  for (let n = 1; n < 100; n++) {
    const folder = path.join(parentDir, n === 1 ? base : `${base}-${n}`);
    try {
      await fs.mkdir(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`no free export folder name under ${parentDir}`);
}
