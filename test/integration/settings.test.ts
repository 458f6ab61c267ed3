import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src/main/services/settings/secretStore';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

const KEY = 'AIzaSyTEST-not-a-real-key-0000001234';
let t: TestCore;
afterEach(async () => t?.cleanup());

async function adminCore(secretStore = new MemorySecretStore()) {
  t = await startTestCore({ secretStore });
  const adminId = seedUser(t.core, { email: 'admin@lab.org', role: 'admin' });
  signInAs(t.core, 'admin-window', adminId);
  const userId = seedUser(t.core, { email: 'user@lab.org', managedBy: [adminId] });
  signInAs(t.core, 'user-window', userId);
  return { adminId, userId };
}

describe('API key settings', () => {
  it('stores the key sealed, shows only its last four characters, and never returns it', async () => {
    await adminCore();
    const set = await t.call('admin-window', 'settings.set_api_key', { apiKey: KEY });
    expect(set).toEqual({ ok: true, data: { set: true, source: 'stored', lastFour: '1234', protection: 'os', available: 'os' } });
    const settings = await t.call('admin-window', 'settings.get', {});
    expect(JSON.stringify(settings)).not.toContain(KEY.slice(0, 12));
    const row = t.core.services.db.$client.prepare('SELECT sealed FROM secret').get() as { sealed: Buffer };
    expect(row.sealed.toString('utf8')).not.toContain(KEY);
    expect(t.core.services.apiKeys.current()).toBe(KEY);
    const audit = t.core.services.db.$client.prepare('SELECT * FROM audit_entry').all();
    expect(JSON.stringify(audit)).not.toContain(KEY.slice(4, 20));
    expect(audit).toHaveLength(1);
  });

  it('refuses to store a key without OS protection unless the admin opts in', async () => {
    await adminCore(new MemorySecretStore('unprotected'));
    const refused = await t.call('admin-window', 'settings.set_api_key', { apiKey: KEY });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { needsAllowUnprotected: true } } });
    expect(t.core.services.apiKeys.isSet()).toBe(false);
    const stored = await t.call('admin-window', 'settings.set_api_key', { apiKey: KEY, allowUnprotected: true });
    expect(stored).toMatchObject({ ok: true, data: { set: true, protection: 'unprotected' } });
  });

  it('refuses a key that cannot be a key, naming the field', async () => {
    await adminCore();
    const result = await t.call('admin-window', 'settings.set_api_key', { apiKey: 'short' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('apiKey') } });
  });

  it('clears the key, falling back to the provisioning environment variable', async () => {
    t = await startTestCore({ env: { GEMINI_API_KEY: 'AIzaSyENV-provisioned-key-000000009999' } });
    const adminId = seedUser(t.core, { role: 'admin' });
    signInAs(t.core, 'w', adminId);
    expect(await t.call('w', 'settings.get')).toMatchObject({ ok: true, data: { apiKey: { source: 'environment', lastFour: '9999' } } });
    await t.call('w', 'settings.set_api_key', { apiKey: KEY });
    expect(t.core.services.apiKeys.current()).toBe(KEY);
    expect(await t.call('w', 'settings.clear_api_key')).toMatchObject({ ok: true, data: { source: 'environment' } });
  });

  it('keeps the key out of the log even when an error message carries it', async () => {
    await adminCore();
    await t.call('admin-window', 'settings.set_api_key', { apiKey: KEY });
    t.logger.error(`proxy said: bad key ${KEY}`);
    expect(t.logger.lines.join('\n')).not.toContain(KEY);
  });

  it('is for admins only', async () => {
    await adminCore();
    for (const route of ['settings.get', 'settings.update', 'settings.set_api_key', 'settings.clear_api_key', 'settings.models.update']) {
      expect(await t.raw('user-window', route, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('general settings and the model catalogue', () => {
  it('validates and audits a change of the idle timeout', async () => {
    await adminCore();
    expect(await t.call('admin-window', 'settings.update', { idleTimeoutMinutes: 3 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('idleTimeoutMinutes') },
    });
    expect(await t.call('admin-window', 'settings.update', { idleTimeoutMinutes: 30 })).toMatchObject({ ok: true, data: { idleTimeoutMinutes: 30 } });
    const entry = t.core.services.db.$client.prepare("SELECT details FROM audit_entry WHERE action = 'settings.update'").get() as { details: string };
    expect(JSON.parse(entry.details)).toEqual({ key: 'idleTimeoutMinutes', before: 15, after: 30 });
  });

  it('refuses a catalogue without exactly one default per kind', async () => {
    await adminCore();
    const current = await t.call('admin-window', 'settings.get');
    if (!current.ok) expect.fail(current.error.message);
    const noDefault = current.data.catalogue.map((m) => ({ ...m, isDefault: m.kind === 'video' ? m.isDefault : false }));
    expect(await t.call('admin-window', 'settings.models.update', { models: noDefault })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('default image model') },
    });
    const disabled = current.data.catalogue.map((m, i) => (i === 2 ? { ...m, enabled: false } : m));
    expect(await t.call('admin-window', 'settings.models.update', { models: disabled })).toMatchObject({ ok: true });
  });
});

describe('storage limit for imported images', () => {
  it('is 2048 MB per person unless an admin changes it, and only within its bounds', async () => {
    await adminCore();
    expect(await t.call('admin-window', 'settings.get', {})).toMatchObject({ ok: true, data: { importLimitMb: 2048 } });
    expect(await t.call('admin-window', 'settings.update', { importLimitMb: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/importLimitMb: at least 1 MB/) },
    });
    expect(await t.call('user-window', 'settings.update', { importLimitMb: 5000 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('admin-window', 'settings.update', { importLimitMb: 5000 })).toMatchObject({ ok: true, data: { importLimitMb: 5000 } });
  });

  it('refuses an import past the limit, naming it, and takes imports again once old ones are deleted', async () => {
    const { userId } = await adminCore();
    const { makePhotographicPng } = await import('../fake-gemini/images');
    expect(await t.call('admin-window', 'settings.update', { importLimitMb: 1 })).toMatchObject({ ok: true });
    const image = (seed: number) => makePhotographicPng(460, 460, seed);
    expect(image(1).length).toBeGreaterThan((1024 * 1024) / 3);
    expect(image(1).length).toBeLessThan(512 * 1024);

    const first = await t.call('user-window', 'media.import', { bytes: new Uint8Array(image(1)) });
    const second = await t.call('user-window', 'media.import', { bytes: new Uint8Array(image(2)) });
    expect(first.ok && second.ok).toBe(true);
    const refused = await t.call('user-window', 'media.import', { bytes: new Uint8Array(image(3)) });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'QUOTA_EXCEEDED', message: expect.stringMatching(/your 1 MB limit.*Delete imported images/) },
    });
    // refused before anything was written: no row, no file
    const count = () =>
      (t.core.services.db.$client.prepare("SELECT count(*) AS n FROM media WHERE user_id = ? AND kind = 'input'").get(userId) as { n: number }).n;
    expect(count()).toBe(2);

    expect(await t.call('user-window', 'media.delete', { ids: [(first as { data: { id: string } }).data.id] })).toMatchObject({ ok: true });
    expect((await t.call('user-window', 'media.import', { bytes: new Uint8Array(image(3)) })).ok).toBe(true);
    expect(count()).toBe(2);
  });
});

describe('reading a setting', () => {
  it('follows the stored value, also a change from another connection or one rolled back, and hands out a value no caller can change', async () => {
    t = await startTestCore();
    const { settings, db } = t.core.services;
    expect(settings.get('importLimitMb')).toBe(settings.get('importLimitMb'));
    settings.set('idleTimeoutMinutes', 45, null);
    expect(settings.get('idleTimeoutMinutes')).toBe(45);
    // another process (or a raw write) changes it: the next read sees it
    db.$client.prepare("UPDATE setting SET value = '20' WHERE key = 'idleTimeoutMinutes'").run();
    expect(settings.get('idleTimeoutMinutes')).toBe(20);
    // a change read inside a transaction that then rolls back does not stay
    expect(() =>
      db.$client.transaction(() => {
        settings.set('idleTimeoutMinutes', 90, null);
        expect(settings.get('idleTimeoutMinutes')).toBe(90);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(settings.get('idleTimeoutMinutes')).toBe(20);
    const catalogue = settings.get('modelCatalogue') as unknown as Record<string, unknown>[];
    expect(() => catalogue.push({})).toThrow(/not extensible/);
    expect(() => (catalogue[0]!.id = 'changed')).toThrow(/read only/);
    expect(settings.get('modelCatalogue')[0]!.id).not.toBe('changed');
  });
});
