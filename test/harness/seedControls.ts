import type http from 'node:http';
import sharp from 'sharp';
import type { Core } from '../../src/main/core';
import { seedUser } from '../support/seed';
import { seedAccounts } from '../support/seedAccounts';
import { seedMediaRows } from '../support/seedMedia';
import type { SeedRequest, SeedResult } from './seedRequest';

/**
 * Test-only seeding controls of the browser harness, for end-to-end specs that need a big or
 * multi-user library without generating it. Part of the harness's opt-in test controls
 * (STUDIO_HARNESS_TEST_CONTROLS=1, like the movable clock); the harness itself is never packaged.
 *
 * - POST /__test/seed-media `{ users?: [{ email, password?, role?, managedBy?: [adminEmail] }], items?: [{ ownerEmail, count, promptPrefix?,
 *   width?, height?, kind?, durationMs?, daysAgo?, parentId?, color? }] }`
 *   → `{ users: { [email]: id }, items: { [ownerEmail]: [ids, oldest first] } }`; a user with a
 *   password signs in through the real login screen. Items are 96×96 unless sized (their files are
 *   made at that aspect ratio), made `daysAgo` days before the clock, and versions of `parentId`
 *   when it is given; a later group of the same owner adds to the ids listed.
 * - POST /__test/seed-accounts `{ managedBy: adminEmail, count }` → `{ count }`: that many managed
 *   accounts (`user-0000@school.example` …) in one transaction, for the Users page at scale.
 */
export interface SeedControls {
  /** answers a /__test/ request */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void>;
}

export function createSeedControls(core: Core, readBody: (req: http.IncomingMessage) => Promise<string>): SeedControls {
  const fileCache = new Map<string, { original: Buffer; thumbnail: Buffer }>();
  const filesFor = async (width: number, height: number, color: string) => {
    const key = `${width}x${height}${color}`;
    let files = fileCache.get(key);
    if (!files) {
      // small files at the item's aspect ratio: the long side 96 px
      const scale = 96 / Math.max(width, height);
      const size = {
        width: Math.max(1, Math.round(width * scale)),
        height: Math.max(1, Math.round(height * scale)),
        channels: 3 as const,
        background: color,
      };
      files = {
        original: await sharp({ create: size }).png().toBuffer(),
        thumbnail: await sharp({ create: size }).webp().toBuffer(),
      };
      fileCache.set(key, files);
    }
    return files;
  };

  const userIdOf = (email: string): string | undefined =>
    (core.services.db.$client.prepare('SELECT id FROM user WHERE email = ?').get(email.toLowerCase()) as { id: string } | undefined)?.id;

  async function seed(body: SeedRequest): Promise<SeedResult> {
    const users: Record<string, string> = {};
    for (const u of body.users ?? []) {
      const managedBy = (u.managedBy ?? []).map((email) => userIdOf(email) ?? users[email]).filter((id): id is string => Boolean(id));
      const id = userIdOf(u.email) ?? seedUser(core, { email: u.email.toLowerCase(), role: u.role ?? 'user', managedBy });
      if (u.password) {
        const hash = await core.services.passwords.hash(u.password);
        core.services.db.$client.prepare('UPDATE user SET password_hash = ? WHERE id = ?').run(hash, id);
      }
      users[u.email] = id;
    }
    const items: Record<string, string[]> = {};
    const now = core.services.clock.now();
    for (const group of body.items ?? []) {
      const owner = userIdOf(group.ownerEmail);
      if (!owner) throw new Error(`unknown owner ${group.ownerEmail}`);
      const prefix = group.promptPrefix ?? 'Seeded item';
      const width = group.width ?? 96;
      const height = group.height ?? 96;
      const start = now - (group.daysAgo ?? 0) * 86_400_000;
      const rows = Array.from({ length: group.count }, (_, i) => ({
        userId: owner,
        createdAt: start - (group.count - i) * 1000,
        prompt: `${prefix} ${String(i).padStart(4, '0')}`,
        width,
        height,
        kind: group.kind,
        durationMs: group.durationMs,
        parentMediaId: group.parentId,
        mimeType: group.kind === 'video' ? 'video/mp4' : 'image/png',
      }));
      const files = await filesFor(width, height, group.color ?? '#4a6fa5');
      items[group.ownerEmail] = [
        ...(items[group.ownerEmail] ?? []),
        ...seedMediaRows(core.services.db, rows, { dataDir: core.services.dataDir, ...files }),
      ];
    }
    return { users, items };
  }

  return {
    async handle(req, res, url) {
      try {
        if (req.method !== 'POST') throw new Error('POST only');
        const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
        let result: unknown;
        if (url.pathname === '/__test/seed-media') result = await seed(body);
        else if (url.pathname === '/__test/seed-accounts') {
          const adminId = userIdOf(String(body.managedBy));
          if (!adminId) throw new Error(`unknown admin ${String(body.managedBy)}`);
          result = { count: seedAccounts(core.services.db, { adminId, count: Number(body.count), now: core.services.clock.now() }).length };
        } else {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : 'bad request');
      }
    },
  };
}
