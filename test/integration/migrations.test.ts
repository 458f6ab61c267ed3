import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/main/db/client';
import { makeImage } from '../support/mediaFixtures';
import { seedMediaRows } from '../support/seedMedia';
import { signInAs } from '../support/seed';
import { makeTempDir } from '../support/tempDir';
import { startTestCore, type TestCore } from '../support/testCore';
import { repoRoot } from '../unit/sourceFiles';

/**
 * An installed studio upgrades in place: the next version opens yesterday's file, copies it
 * (VACUUM INTO …before-migration-….bak) and migrates it to the head. For every earlier migration in
 * drizzle/, this builds a database at that migration with a lab's worth of data, starts the real
 * core on it, and checks that nobody lost anything, through the routes a person would use, and that
 * the backup holds the old data and can be put back.
 */

const DRIZZLE = path.join(repoRoot, 'drizzle');
type JournalEntry = { idx: number; tag: string; when: number };
const journal = JSON.parse(fs.readFileSync(path.join(DRIZZLE, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] } & Record<
  string,
  unknown
>;
const previous = journal.entries.slice(0, -1);

const DAY = Date.UTC(2026, 10, 26, 8, 0, 0); // the test core's clock starts at 09:00 the same day
const ADMIN = 'a0000000-0000-4000-8000-000000000001';
const KIM = 'a0000000-0000-4000-8000-000000000002';
const TABLES = ['user', 'user_manager', 'quota_policy', 'quota_reservation', 'job', 'media', 'audit_entry', 'setting'];

const temps: { cleanup: () => void }[] = [];
let cores: TestCore[] = [];
afterEach(async () => {
  for (const core of cores) await core.stop();
  cores = [];
  for (const temp of temps.splice(0)) temp.cleanup();
});

function tempDir(): string {
  const temp = makeTempDir('studio-migration-');
  temps.push(temp);
  return temp.dir;
}

/** A migrations folder holding the migrations up to and including `entry`, as that release shipped it. */
function migrationsUpTo(entry: JournalEntry): string {
  const dir = tempDir();
  const entries = journal.entries.filter((e) => e.idx <= entry.idx);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(DRIZZLE, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/**
 * A lab's data, written with plain SQL against the oldest schema's columns (every later migration
 * must keep them readable): an admin managing one user, their quota policies, committed and released
 * reservations, finished jobs, media rows with real files, settings and audit entries.
 */
async function seedLab(sqlite: Database.Database, dataDir: string): Promise<void> {
  const hash = '$2b$04$seededhashnotusableforlogin000000000000000000000000000';
  const user = sqlite.prepare('INSERT INTO user (id, email, password_hash, role, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)');
  user.run(ADMIN, 'admin@lab.example', hash, 'admin', DAY - 86_400_000, DAY - 86_400_000);
  user.run(KIM, 'kim@lab.example', hash, 'user', DAY - 3_600_000, DAY - 3_600_000);
  sqlite.prepare('INSERT INTO user_manager (admin_id, user_id, created_at) VALUES (?, ?, ?)').run(ADMIN, KIM, DAY - 3_600_000);
  const policy = sqlite.prepare('INSERT INTO quota_policy (user_id, kind, period, "limit", updated_at) VALUES (?, ?, ?, ?, ?)');
  policy.run(KIM, 'image', 'daily', 7, DAY);
  policy.run(KIM, 'video', 'weekly', 2, DAY);
  sqlite.prepare("INSERT INTO setting (key, value, updated_at) VALUES ('idleTimeoutMinutes', '25', ?)").run(DAY);

  const job = sqlite.prepare(
    `INSERT INTO job (id, user_id, kind, provider, model, status, prompt, params, input_ids, units, workstation_host, workstation_user,
       created_at, updated_at, finished_at, error_code, error_message)
     VALUES (?, ?, 'image', 'gemini-image', 'gemini-2.5-flash-image', ?, ?, '{"count":1,"index":0}', '[]', 1, 'lab-pc-07', 'student', ?, ?, ?, ?, ?)`,
  );
  const reservation = sqlite.prepare(
    "INSERT INTO quota_reservation (id, user_id, kind, units, job_id, state, created_at, settled_at) VALUES (?, ?, 'image', 1, ?, ?, ?, ?)",
  );
  const jobs = [
    { id: 'job-1', status: 'succeeded', prompt: 'a lighthouse at dusk', state: 'committed' },
    { id: 'job-2', status: 'succeeded', prompt: 'a harbour in the fog', state: 'committed' },
    { id: 'job-3', status: 'failed', prompt: 'something refused', state: 'released' },
  ];
  jobs.forEach((j, i) => {
    const at = DAY + i * 60_000;
    job.run(
      j.id,
      KIM,
      j.status,
      j.prompt,
      at,
      at + 1000,
      at + 1000,
      j.status === 'failed' ? 'BLOCKED' : null,
      j.status === 'failed' ? 'refused' : null,
    );
    reservation.run(`res-${j.id}`, KIM, j.id, j.state, at, at + 1000);
  });

  const png = await makeImage();
  const db = openDbView(sqlite);
  seedMediaRows(
    db,
    [
      { id: 'media-1', userId: KIM, createdAt: DAY + 1000, prompt: 'a lighthouse at dusk', model: 'gemini-2.5-flash-image', favorite: true },
      {
        id: 'media-2',
        userId: KIM,
        createdAt: DAY + 61_000,
        prompt: 'a harbour in the fog',
        model: 'gemini-2.5-flash-image',
        parentMediaId: 'media-1',
        inputIds: ['media-1'],
      },
      { id: 'media-3', userId: ADMIN, createdAt: DAY + 120_000, prompt: 'the admin’s own café sketch' },
    ],
    { dataDir, original: png, thumbnail: png },
  );
  sqlite.prepare("UPDATE media SET job_id = 'job-1' WHERE id = 'media-1'").run();
  sqlite.prepare("UPDATE media SET job_id = 'job-2' WHERE id = 'media-2'").run();

  const audit = sqlite.prepare(
    'INSERT INTO audit_entry (at, action, actor_id, actor_email, target_user_id, target_email, details, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const workstation = JSON.stringify({ hostName: 'lab-pc-07', osUser: 'student', ipv4: '10.0.0.7' });
  audit.run(DAY - 3_600_000, 'users.invite', ADMIN, 'admin@lab.example', KIM, 'kim@lab.example', JSON.stringify({ role: 'user' }), workstation);
  audit.run(
    DAY,
    'quotas.set',
    ADMIN,
    'admin@lab.example',
    KIM,
    'kim@lab.example',
    JSON.stringify({ image: { period: 'daily', limit: 7 } }),
    workstation,
  );
}

/** seedMediaRows only needs `$client`. */
function openDbView(sqlite: Database.Database): Parameters<typeof seedMediaRows>[0] {
  return { $client: sqlite } as Parameters<typeof seedMediaRows>[0];
}

function counts(sqlite: Database.Database): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

function appliedMigrations(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}

function backupsIn(dataDir: string): string[] {
  return fs.readdirSync(dataDir).filter((f) => /^studio\.sqlite\.before-migration-\d+\.bak$/.test(f));
}

/** What Kim and the admin see after the upgrade, through the routes. */
async function expectLabIntact(t: TestCore): Promise<void> {
  signInAs(t.core, 'kim', KIM);
  signInAs(t.core, 'admin', ADMIN);
  const kim = t.as('kim');
  const admin = t.as('admin');

  const gallery = await kim.call('media.list', { limit: 10 });
  expect(gallery.items.map((m) => [m.id, m.favorite, m.missing])).toEqual([
    ['media-2', false, false],
    ['media-1', true, false],
  ]);
  // prompts written before full-text search existed are found by it
  expect((await kim.call('media.list', { limit: 10, query: 'lighthouse' })).items.map((m) => m.id)).toEqual(['media-1']);
  expect((await admin.call('media.list', { limit: 10, query: 'cafe' })).items.map((m) => m.id)).toEqual(['media-3']);
  expect(await kim.call('media.get', { id: 'media-2' })).toMatchObject({ parentMediaId: 'media-1', inputIds: ['media-1'], jobId: 'job-2' });

  const jobs = await kim.call('jobs.list', { limit: 10 });
  expect(jobs.items.map((j) => [j.id, j.status])).toEqual([
    ['job-3', 'failed'],
    ['job-2', 'succeeded'],
    ['job-1', 'succeeded'],
  ]);
  const quotas = await kim.call('quotas.status');
  expect(quotas.kinds.image).toMatchObject({ used: 2, limit: 7, period: 'daily' });
  expect(quotas.kinds.video).toMatchObject({ limit: 2, period: 'weekly' });

  expect((await admin.call('users.list')).items.map((u) => u.email).sort()).toEqual(['admin@lab.example', 'kim@lab.example']);
  expect((await admin.call('audit.list', { limit: 50 })).items.map((e) => e.action)).toEqual(expect.arrayContaining(['users.invite', 'quotas.set']));
  expect((await admin.call('settings.get')).idleTimeoutMinutes).toBe(25);
}

describe('upgrading a database made by an earlier release', () => {
  it('has earlier migrations to upgrade from', () => {
    expect(previous.length).toBeGreaterThan(0);
  });

  it.each(previous.map((e) => [e.tag, e] as const))(
    'from %s: keeps every row, backs the file up first, and the backup restores',
    async (_tag, entry) => {
      // the database as that release left it
      const dataDir = tempDir();
      const file = path.join(dataDir, 'studio.sqlite');
      const backups: string[] = [];
      const old = openDb({ file, migrationsDir: migrationsUpTo(entry), onBackup: (b) => backups.push(b) });
      expect(backups).toEqual([]); // a new, empty file has nothing to back up
      await seedLab(old.$client, dataDir);
      const before = counts(old.$client);
      closeDb(old);

      // this release opens it
      const t = await startTestCore({ dataDir });
      cores.push(t);
      expect(appliedMigrations(t.core.services.db.$client)).toBe(journal.entries.length);
      expect(counts(t.core.services.db.$client)).toEqual(before);
      await expectLabIntact(t);

      // the copy taken before migrating holds the old schema and every row
      const [backup] = backupsIn(dataDir);
      expect(backupsIn(dataDir)).toHaveLength(1);
      const copy = new Database(path.join(dataDir, backup!), { readonly: true });
      try {
        expect(appliedMigrations(copy)).toBe(entry.idx + 1);
        expect(counts(copy)).toEqual(before);
        expect(copy.prepare('SELECT email FROM user ORDER BY email').pluck().all()).toEqual(['admin@lab.example', 'kim@lab.example']);
      } finally {
        copy.close();
      }

      // restoring: the backup put back as the database (media folder unchanged) upgrades again to the same lab
      await t.stop();
      cores = [];
      const restoredDir = tempDir();
      fs.copyFileSync(path.join(dataDir, backup!), path.join(restoredDir, 'studio.sqlite'));
      fs.cpSync(path.join(dataDir, 'media'), path.join(restoredDir, 'media'), { recursive: true });
      const restored = await startTestCore({ dataDir: restoredDir });
      cores.push(restored);
      expect(counts(restored.core.services.db.$client)).toEqual(before);
      await expectLabIntact(restored);
    },
  );

  it('takes no backup when nothing is pending', async () => {
    const dataDir = tempDir();
    const first = await startTestCore({ dataDir });
    await first.stop();
    const again = await startTestCore({ dataDir });
    cores.push(again);
    expect(backupsIn(dataDir)).toEqual([]);
  });
});
