import { afterEach, describe, expect, it } from 'vitest';
import { type TestCore, startTestCore } from '../support/testCore';
import { MAIN_BUSY_TIMEOUT_MS } from '../../src/main/db/client';

let t: TestCore;
afterEach(async () => t?.cleanup());

describe('app.status through the real core', () => {
  it('reports first run, version and the workstation identity from a fresh database', async () => {
    t = await startTestCore();
    const result = await t.call('page-1', 'app.status', {});
    expect(result).toEqual({
      ok: true,
      data: {
        firstRun: true,
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        workstation: { hostName: 'lab-pc-07', osUser: 'student', ipv4: '10.0.0.7' },
        apiKeySet: false,
        signedIn: false,
      },
    });
  });

  it('opens SQLite with WAL, full sync and foreign keys, and applies the migrations', async () => {
    t = await startTestCore();
    const sqlite = t.core.services.db.$client;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(MAIN_BUSY_TIMEOUT_MS);
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(['user', 'media', 'job', 'quota_reservation']));
  });

  it('counts an API key from the environment as set', async () => {
    t = await startTestCore({ env: { GEMINI_API_KEY: 'provisioned' } });
    expect(await t.call('page-1', 'app.status')).toMatchObject({ ok: true, data: { apiKeySet: true } });
  });

  it('keeps its data across a restart on the same folder and checkpoints the WAL on shutdown', async () => {
    t = await startTestCore();
    t.core.services.db.$client.prepare("INSERT INTO user (id, email, role, created_at, updated_at) VALUES ('u1', 'a@b.org', 'admin', 0, 0)").run();
    await t.stop();
    const fs = await import('node:fs');
    const wal = `${t.dataDir}/studio.sqlite-wal`;
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
    const again = await startTestCore({ dataDir: t.dataDir });
    expect(await again.call('page-1', 'app.status')).toMatchObject({ ok: true, data: { firstRun: false } });
    await again.cleanup();
  });
});
