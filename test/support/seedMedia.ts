import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/main/db/client';
import { originalRelPath, thumbRelPath } from '../../src/main/services/media/layout';

export interface SeedMediaRow {
  userId: string;
  createdAt: number;
  id?: string;
  kind?: 'image' | 'video' | 'input';
  prompt?: string | null;
  model?: string | null;
  favorite?: boolean;
  parentMediaId?: string | null;
  inputIds?: string[];
  params?: Record<string, unknown>;
  /** pixel size (64×48 unless given): the gallery lays tiles out by it */
  width?: number;
  height?: number;
  durationMs?: number | null;
  mimeType?: string;
}

/**
 * Inserts media rows straight into SQLite (one transaction, one prepared statement), for tests and
 * benchmarks that are about queries, not about storing files. With `files`, each row also gets a
 * real (tiny) original and thumbnail, written without fsync — test data only.
 */
export function seedMediaRows(db: Db, rows: SeedMediaRow[], files?: { dataDir: string; original: Buffer; thumbnail: Buffer }): string[] {
  const insert = db.$client.prepare(
    `INSERT INTO media (id, user_id, kind, rel_path, thumb_rel_path, mime_type, bytes, width, height, prompt, model, params, input_ids,
       parent_media_id, favorite, duration_ms, workstation_host, workstation_user, workstation_ip, created_at)
     VALUES (@id, @userId, @kind, @relPath, @thumbRelPath, @mimeType, @bytes, @width, @height, @prompt, @model, @params, @inputIds,
       @parentMediaId, @favorite, @durationMs, 'lab-pc-07', 'student', '10.0.0.7', @createdAt)`,
  );
  const ids: string[] = [];
  const madeDirs = new Set<string>();
  db.$client.transaction(() => {
    for (const row of rows) {
      const id = row.id ?? randomUUID();
      const relPath = originalRelPath(id, 'png', row.createdAt);
      const thumb = thumbRelPath(id, row.createdAt);
      if (files) {
        const dir = path.join(files.dataDir, path.dirname(relPath));
        if (!madeDirs.has(dir)) {
          fs.mkdirSync(dir, { recursive: true });
          madeDirs.add(dir);
        }
        fs.writeFileSync(path.join(files.dataDir, relPath), files.original);
        fs.writeFileSync(path.join(files.dataDir, thumb), files.thumbnail);
      }
      insert.run({
        id,
        userId: row.userId,
        kind: row.kind ?? 'image',
        relPath,
        thumbRelPath: thumb,
        bytes: files?.original.length ?? 1000,
        prompt: row.prompt === undefined ? `seeded item ${ids.length}` : row.prompt,
        model: row.model === undefined ? 'gemini-3.1-flash-image' : row.model,
        params: JSON.stringify(row.params ?? { aspectRatio: '1:1' }),
        inputIds: JSON.stringify(row.inputIds ?? []),
        parentMediaId: row.parentMediaId ?? null,
        favorite: row.favorite ? 1 : 0,
        mimeType: row.mimeType ?? 'image/png',
        width: row.width ?? 64,
        height: row.height ?? 48,
        durationMs: row.durationMs ?? null,
        createdAt: row.createdAt,
      });
      ids.push(id);
    }
  })();
  return ids;
}
