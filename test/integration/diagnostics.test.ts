import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, logDirOf } from '../../src/main/logFile';
import type { SettingsDesktopHooks } from '../../src/main/services/settings/desktopHooks';
import { data, failure, GOOD_PASSWORD, invite, inviteAndSignIn, setupFirstAdmin } from '../support/accounts';
import { seedMediaRows } from '../support/seedMedia';
import { makeTempDir } from '../support/tempDir';
import { type TestCore, startTestCore } from '../support/testCore';

/** Shaped like a real key, so both the pattern and the registered-secret redaction would catch it. */
const FAKE_KEY = 'AIzaSyDIAGNOSTICS-fake-key-000000007777';
const PROMPT = 'a lighthouse painted by a secretive octopus';
const ADMIN_EMAIL = 'root-admin@lab.example';

let t: TestCore | undefined;
const temps: (() => void)[] = [];
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  for (const cleanup of temps.splice(0)) cleanup();
});

function tempDir(): string {
  const temp = makeTempDir('studio-diag-');
  temps.push(temp.cleanup);
  return temp.dir;
}

/** What an earlier run of the app left in `<dataDir>/logs`: the live file and one rotated file. */
async function writeEarlierLogs(dataDir: string, lines: { live: string[]; rotated?: string[] }): Promise<void> {
  const logger = createFileLogger({ dir: logDirOf(dataDir) });
  for (const line of lines.live) logger.info(line, { step: 'earlier run' });
  await logger.close();
  // a rotated file from before the key was known to the redaction: raw lines, as an old build might have written
  if (lines.rotated) fs.writeFileSync(path.join(logDirOf(dataDir), '1-studio.log'), lines.rotated.map((l) => `${l}\n`).join(''));
}

function unzip(file: string): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(fs.readFileSync(file))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** An admin who set the key, a user who was invited and signed in, an invitee with an unused code, media with a prompt. */
async function workstation(overrides: Parameters<typeof startTestCore>[0] = {}) {
  t = await startTestCore(overrides);
  const admin = await setupFirstAdmin(t, ADMIN_EMAIL);
  data(await t.call(admin.transport, 'settings.set_api_key', { apiKey: FAKE_KEY }));
  const user = await inviteAndSignIn(t, admin.transport, 'maya@lab.example');
  const pending = await invite(t, admin.transport, 'pending@lab.example');
  seedMediaRows(t.core.services.db, [{ userId: user.userId, createdAt: t.clock.now(), prompt: PROMPT }]);
  t.core.services.db.$client
    .prepare(
      `INSERT INTO job (id, user_id, kind, provider, model, status, prompt, params, input_ids, units, workstation_host, workstation_user, created_at, updated_at)
       VALUES ('job-1', ?, 'image', 'gemini-image', 'm', 'failed', ?, '{}', '[]', 1, 'h', 'u', ?, ?)`,
    )
    .run(user.userId, PROMPT, t.clock.now(), t.clock.now());
  return { admin, user, code: pending.code };
}

describe('settings.diagnostics.save without a save dialog (browser harness)', () => {
  it('writes a zip under exports/ with logs, versions, settings, catalogue and counts, and nothing secret or personal', async () => {
    const dataDir = tempDir();
    await writeEarlierLogs(dataDir, {
      live: ['diagnostics marker: the newest line', `admin provisioned for ${ADMIN_EMAIL}`],
      rotated: [JSON.stringify({ level: 'error', msg: `provider echoed key=${FAKE_KEY} for maya@lab.example` }), '{"msg":"older marker"}'],
    });
    const { admin, code } = await workstation({ dataDir });

    const capabilities = data(await t!.call(admin.transport, 'settings.diagnostics.capabilities.get'));
    expect(capabilities).toEqual({ openLogFolder: false, chooseSaveLocation: false, logFolder: logDirOf(dataDir) });

    const saved = data(await t!.call(admin.transport, 'settings.diagnostics.save'));
    expect(saved.saved).toBe(true);
    expect(path.dirname(saved.path!)).toBe(path.join(dataDir, 'exports'));
    expect(path.basename(saved.path!)).toBe('studio-diagnostics-20261126-090000.zip');
    expect(fs.statSync(saved.path!).size).toBe(saved.bytes);
    // written durably: no temp file left beside it
    expect(fs.readdirSync(path.dirname(saved.path!))).toEqual([path.basename(saved.path!)]);

    const zip = unzip(saved.path!);
    expect(Object.keys(zip).sort()).toEqual(
      ['catalogue.json', 'counts.json', 'logs/1-studio.log', 'logs/studio.log', 'manifest.json', 'settings.json', 'versions.json'].sort(),
    );
    expect(saved.entries.sort()).toEqual(Object.keys(zip).sort());
    expect(zip['logs/studio.log']).toContain('diagnostics marker: the newest line');
    expect(zip['logs/1-studio.log']).toContain('older marker');

    const versions = JSON.parse(zip['versions.json']!);
    expect(versions).toMatchObject({ app: expect.any(String), node: process.versions.node, arch: process.arch, googleGenai: '2.32.0' });
    expect(versions.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(versions.os.platform).toBe(process.platform);

    const settings = JSON.parse(zip['settings.json']!);
    expect(settings.apiKey).toEqual({ set: true, source: 'stored', lastFour: '7777', protection: 'os', available: 'os' });
    expect(settings).toMatchObject({ idleTimeoutMinutes: expect.any(Number), maxParallelJobs: expect.any(Number) });

    const catalogue = JSON.parse(zip['catalogue.json']!);
    expect(catalogue.models.length).toBeGreaterThan(0);
    expect(catalogue.models[0]).toMatchObject({ id: expect.any(String), enabled: expect.any(Boolean), missing: expect.any(Boolean) });
    expect(catalogue.lastCheck).toBeNull();

    const counts = JSON.parse(zip['counts.json']!);
    expect(counts.users).toEqual({ total: 3, active: 3, admins: 1, awaitingFirstPassword: 1 });
    expect(counts.jobsLast7Days).toMatchObject({ total: 1, byStatus: { failed: 1 }, byKind: { image: 1 } });
    expect(counts.media).toMatchObject({ total: 1, byKind: { image: { count: 1 } } });

    const everything = Object.values(zip).join('\n');
    for (const secret of [FAKE_KEY, FAKE_KEY.slice(0, 20), code, GOOD_PASSWORD, PROMPT, ADMIN_EMAIL, 'maya@lab.example', 'pending@lab.example']) {
      expect(everything).not.toContain(secret);
    }
    expect(zip['logs/1-studio.log']).toContain('[email]');
    expect(zip['logs/1-studio.log']).toContain('[redacted]');

    const audit = t!.core.services.db.$client.prepare("SELECT details FROM audit_entry WHERE action = 'settings.diagnostics.saved'").all() as {
      details: string;
    }[];
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ path: saved.path, bytes: saved.bytes, logFiles: 2 }]);

    // a second zip in the same second gets its own name, the first is kept
    const again = data(await t!.call(admin.transport, 'settings.diagnostics.save'));
    expect(path.basename(again.path!)).toBe('studio-diagnostics-20261126-090000-2.zip');
    expect(fs.existsSync(saved.path!)).toBe(true);
  });

  it('carries the catalogue check the self-check stored: when, what happened, and what Google listed', async () => {
    const { admin } = await workstation();
    const at = t!.clock.now();
    t!.core.services.settings.set(
      'modelCheck',
      {
        at,
        trigger: 'daily',
        outcome: 'failed',
        errorKind: 'rate-limit',
        message: 'Google is busy.',
        lastSuccessAt: at - 86_400_000,
        confirmed: ['gemini-nano-banana-2.1'],
      },
      admin.userId,
    );
    const saved = data(await t!.call(admin.transport, 'settings.diagnostics.save'));
    const catalogue = JSON.parse(unzip(saved.path!)['catalogue.json']!);
    expect(catalogue.lastCheck).toEqual({
      at: new Date(at).toISOString(),
      trigger: 'daily',
      outcome: 'failed',
      errorKind: 'rate-limit',
      message: 'Google is busy.',
      lastSuccessAt: new Date(at - 86_400_000).toISOString(),
      confirmed: ['gemini-nano-banana-2.1'],
    });
  });

  it('includes the newest log lines within the size cap and notes what was left out', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(logDirOf(dataDir), { recursive: true });
    const line = (n: number) => `${JSON.stringify({ msg: `line ${String(n).padStart(4, '0')}`, pad: 'x'.repeat(80) })}\n`;
    fs.writeFileSync(path.join(logDirOf(dataDir), 'studio.log'), Array.from({ length: 50 }, (_, i) => line(100 + i)).join(''));
    fs.writeFileSync(path.join(logDirOf(dataDir), '1-studio.log'), Array.from({ length: 50 }, (_, i) => line(i)).join(''));
    fs.writeFileSync(path.join(logDirOf(dataDir), '2-studio.log'), line(0));
    const liveBytes = fs.statSync(path.join(logDirOf(dataDir), 'studio.log')).size;
    const { admin } = await workstation({ dataDir, diagnosticsLogBudgetBytes: liveBytes + 10 * line(0).length + 5 });

    const zip = unzip(data(await t!.call(admin.transport, 'settings.diagnostics.save')).path!);
    expect(zip['logs/studio.log']!.split('\n').filter(Boolean)).toHaveLength(50);
    const rotated = zip['logs/1-studio.log']!.split('\n').filter(Boolean);
    // whole lines only, the newest ten of the older file
    expect(rotated.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(
      Array.from({ length: 10 }, (_, i) => `line ${String(40 + i).padStart(4, '0')}`),
    );
    expect(zip['logs/2-studio.log']).toBeUndefined();
    const manifest = JSON.parse(zip['manifest.json']!);
    expect(manifest.logs).toEqual([
      { name: 'studio.log', bytes: liveBytes, includedBytes: liveBytes, truncated: false },
      { name: '1-studio.log', bytes: 50 * line(0).length, includedBytes: 10 * line(0).length, truncated: true },
      { name: '2-studio.log', bytes: line(0).length, includedBytes: 0, truncated: true },
    ]);
  });

  it('refuses people who are not admins, and the log folder cannot be opened without the desktop app', async () => {
    const { admin, user } = await workstation();
    for (const route of ['settings.diagnostics.capabilities.get', 'settings.logs.open', 'settings.diagnostics.save'] as const) {
      expect(failure(await t!.call(user.transport, route)).code).toBe('FORBIDDEN');
      expect(failure(await t!.call('nobody-window', route)).code).toBe('UNAUTHENTICATED');
    }
    expect(fs.existsSync(path.join(t!.dataDir, 'exports'))).toBe(false);
    expect(failure(await t!.call(admin.transport, 'settings.logs.open'))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Opening the log folder is only available in the desktop app.',
    });
  });
});

describe('settings.diagnostics.save and settings.logs.open in the desktop app', () => {
  function desktop(answer: (transportId: string, suggested: string) => Promise<string | null>) {
    const opened: string[] = [];
    let openProblem = '';
    const hooks: SettingsDesktopHooks = {
      openFolder: async (folder) => {
        opened.push(folder);
        return openProblem;
      },
      chooseDiagnosticsFile: answer,
    };
    return { hooks, opened, failOpening: (problem: string) => (openProblem = problem) };
  }

  it('writes where the save dialog says, and nothing when it is cancelled', async () => {
    const target = tempDir();
    let answer: string | null = path.join(target, 'for-support.zip');
    const suggested: string[] = [];
    const { hooks } = desktop(async (_transport, name) => {
      suggested.push(name);
      return answer;
    });
    const { admin } = await workstation({ settingsDesktop: hooks });
    expect(data(await t!.call(admin.transport, 'settings.diagnostics.capabilities.get'))).toMatchObject({
      openLogFolder: true,
      chooseSaveLocation: true,
    });

    const saved = data(await t!.call(admin.transport, 'settings.diagnostics.save'));
    expect(saved).toMatchObject({ saved: true, path: path.join(target, 'for-support.zip') });
    expect(suggested).toEqual(['studio-diagnostics-20261126-090000.zip']);
    expect(Object.keys(unzip(saved.path!))).toContain('settings.json');

    answer = null;
    expect(data(await t!.call(admin.transport, 'settings.diagnostics.save'))).toEqual({ saved: false, path: null, bytes: 0, entries: [] });
    expect(fs.readdirSync(target)).toEqual(['for-support.zip']);
    expect(fs.existsSync(path.join(t!.dataDir, 'exports'))).toBe(false);
  });

  it('writes nothing when the admin was signed out while the dialog was open', async () => {
    const target = tempDir();
    const { hooks } = desktop(async () => {
      // the screen locks while the dialog waits; someone else answers it later
      t!.core.endAllSessions('os-lock');
      return path.join(target, 'late.zip');
    });
    const { admin } = await workstation({ settingsDesktop: hooks });
    expect(failure(await t!.call(admin.transport, 'settings.diagnostics.save'))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'You were signed out while the dialog was open, so nothing was written.',
    });
    expect(fs.readdirSync(target)).toEqual([]);
    const audited = t!.core.services.db.$client
      .prepare("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'settings.diagnostics.saved'")
      .get() as {
      n: number;
    };
    expect(audited.n).toBe(0);
  });

  it('writes nothing when the admin lost admin access while the dialog was open', async () => {
    const target = tempDir();
    let demote = (): void => {};
    const { hooks } = desktop(async () => {
      demote();
      return path.join(target, 'late.zip');
    });
    const { admin } = await workstation({ settingsDesktop: hooks });
    const second = await inviteAndSignIn(t!, admin.transport, 'second-admin@lab.example', { role: 'admin' });
    demote = () => t!.core.services.db.$client.prepare("UPDATE user SET role = 'user' WHERE id = ?").run(second.userId);
    expect(failure(await t!.call(second.transport, 'settings.diagnostics.save')).code).toBe('FORBIDDEN');
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('says which folder could not take the zip', async () => {
    const target = tempDir();
    const { hooks } = desktop(async () => path.join(target, 'no-such-folder', 'd.zip'));
    const { admin } = await workstation({ settingsDesktop: hooks });
    expect(failure(await t!.call(admin.transport, 'settings.diagnostics.save'))).toMatchObject({
      code: 'STORAGE_UNWRITABLE',
      message: `The diagnostics could not be written to ${path.join(target, 'no-such-folder')}: choose a folder you may write to.`,
    });
  });

  it('opens the log folder in the file manager, creating it first, and reports a refusal', async () => {
    const { hooks, opened, failOpening } = desktop(async () => null);
    const { admin } = await workstation({ settingsDesktop: hooks });
    const logFolder = logDirOf(t!.dataDir);
    expect(data(await t!.call(admin.transport, 'settings.logs.open'))).toEqual({ opened: true, path: logFolder });
    expect(opened).toEqual([logFolder]);
    expect(fs.statSync(logFolder).isDirectory()).toBe(true);
    failOpening('No application is registered for folders');
    expect(failure(await t!.call(admin.transport, 'settings.logs.open'))).toMatchObject({
      code: 'NOT_FOUND',
      message: `The log folder could not be opened (No application is registered for folders). It is ${logFolder}.`,
    });
  });
});
