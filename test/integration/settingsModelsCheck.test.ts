import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelCheckResult } from '../../src/shared/contract/routes/settings';
import { type CatalogueModel, DEFAULT_CATALOGUE } from '../../src/shared/domain/models';
import { DEFAULT_MODEL_IDS } from '../fake-gemini/models';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

/**
 * "Check models with Google": the real SDK pages through the fake server's `GET /v1beta/models`
 * (`models.list`). Only a complete list marks ids present or missing; any trouble leaves the
 * catalogue as it was, records why, and says so for every model.
 */

let t: TestCore | undefined;
let fake: FakeGemini | undefined;
afterEach(async () => {
  await t?.cleanup();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

const PRO = 'gemini-3-pro-image';
type Check = { results: ModelCheckResult[]; catalogue: CatalogueModel[] };

async function start(options: { knownModels?: string[]; apiKey?: string | null; baseUrl?: string; timeoutMs?: number } = {}) {
  // three models a page: the SDK's pager has to follow Google's page tokens to see every id
  fake = await startFakeGemini({ knownModels: options.knownModels ?? [...DEFAULT_MODEL_IDS], maxListPageSize: 3 });
  const key = options.apiKey === undefined ? fake.apiKey : options.apiKey;
  t = await startTestCore({
    geminiBaseUrl: options.baseUrl ?? fake.baseUrl,
    env: key ? { GEMINI_API_KEY: key } : {},
    ...(options.timeoutMs ? { modelCheck: { timeoutMs: options.timeoutMs } } : {}),
  });
  const adminId = seedUser(t.core, { email: 'admin@lab.org', role: 'admin' });
  signInAs(t.core, 'admin', adminId);
  const userId = seedUser(t.core, { email: 'user@lab.org', managedBy: [adminId] });
  signInAs(t.core, 'user', userId);
  return { core: t, fake };
}

async function ok<T>(window: string, route: string, input?: unknown): Promise<T> {
  const result = await t!.raw(window, route, input);
  if (!result.ok) throw new Error(`${route}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

const check = () => ok<Check>('admin', 'settings.models.check', {});
const storedCatalogue = () => t!.core.services.settings.get('modelCatalogue');
const missingIds = () =>
  storedCatalogue()
    .filter((m) => m.missing)
    .map((m) => m.id);
const auditOf = (action: string) =>
  (t!.core.services.db.$client.prepare('SELECT details FROM audit_entry WHERE action = ?').all(action) as { details: string }[]).map((r) =>
    JSON.parse(r.details),
  );
const lastCheck = () => t!.core.services.settings.get('modelCheck');
const markMissing = (ids: string[]) =>
  t!.core.services.settings.set(
    'modelCatalogue',
    storedCatalogue().map((m) => ({ ...m, missing: ids.includes(m.id) })),
    null,
  );

describe('checking the model catalogue with Google', () => {
  it('marks an id Google no longer knows as missing, shows it to admins, and audits the check', async () => {
    await start({ knownModels: DEFAULT_MODEL_IDS.filter((id) => id !== PRO) });
    const { results, catalogue } = await check();

    expect(results).toHaveLength(DEFAULT_CATALOGUE.length);
    expect(results.find((r) => r.id === PRO)).toEqual({ id: PRO, status: 'missing', message: 'Google does not list this model id.' });
    expect(results.filter((r) => r.status === 'available')).toHaveLength(DEFAULT_CATALOGUE.length - 1);
    expect(catalogue.find((m) => m.id === PRO)?.missing).toBe(true);
    // one paged list, not a look-up per id: pages of three, each after the first naming its token
    const pages = fake!.requestsTo('listModels');
    expect(pages).toHaveLength(Math.ceil((DEFAULT_MODEL_IDS.length - 1) / 3));
    expect(pages.map((r) => r.path)).toEqual(pages.map(() => '/v1beta/models'));
    expect(pages[0]?.query.pageToken).toBeUndefined();
    expect(pages.slice(1).every((r) => typeof r.query.pageToken === 'string')).toBe(true);
    expect(fake!.requestsTo('getModel')).toHaveLength(0);

    const settings = await ok<{ catalogue: CatalogueModel[] }>('admin', 'settings.get');
    expect(settings.catalogue.filter((m) => m.missing).map((m) => m.id)).toEqual([PRO]);
    const [entry] = auditOf('settings.models.check');
    expect(entry).toMatchObject({ missing: [PRO], unknown: [], changed: [PRO] });
    expect(entry.available).toHaveLength(DEFAULT_CATALOGUE.length - 1);
  });

  it('offers a model again once Google knows it again', async () => {
    await start();
    markMissing([PRO]);
    const { results, catalogue } = await check();
    expect(results.every((r) => r.status === 'available')).toBe(true);
    expect(catalogue.some((m) => m.missing)).toBe(false);
    expect(missingIds()).toEqual([]);
    expect(auditOf('settings.models.check')[0]).toMatchObject({ changed: [PRO] });
  });

  it('marks nothing when Google answers 429, and says why for every model', async () => {
    await start();
    markMissing([PRO]);
    fake!.script({ on: 'listModels', reply: '429', times: Infinity });
    const { results } = await check();
    expect(results.map((r) => r.status)).toEqual(DEFAULT_CATALOGUE.map(() => 'unknown'));
    expect(results[0]?.message).toMatch(/rate limit/);
    // neither hidden nor revived: the earlier definite answer stands
    expect(missingIds()).toEqual([PRO]);
    expect(auditOf('settings.models.check')[0]).toMatchObject({ missing: [], available: [], changed: [], errorKind: 'rate-limit' });
    expect(lastCheck()).toMatchObject({ outcome: 'failed', errorKind: 'rate-limit', trigger: 'manual' });
  });

  it('marks nothing when Google has a 5xx day', async () => {
    await start();
    fake!.script({ on: 'listModels', reply: '503', times: Infinity });
    const { results } = await check();
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['unknown']));
    expect(results[0]?.message).toMatch(/Google had a problem \(503\)/);
    expect(missingIds()).toEqual([]);
  });

  it('marks nothing when Google rejects the key, and names the key as the problem', async () => {
    await start({ apiKey: 'AIzaSyWRONG-key-that-google-rejects-0000' });
    const { results } = await check();
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['unknown']));
    expect(results[0]?.message).toMatch(/rejected the API key/);
    expect(missingIds()).toEqual([]);
  });

  it('treats a look-up that does not answer in time as unknown, not missing', async () => {
    await start({ timeoutMs: 100 });
    fake!.script({ on: 'listModels', delayMs: 30_000, times: Infinity });
    const { results } = await check();
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['unknown']));
    expect(results[0]?.message).toMatch(/did not answer/);
    expect(missingIds()).toEqual([]);
  });

  it('changes nothing when a later page of the list fails: only the whole list counts', async () => {
    await start({ knownModels: DEFAULT_MODEL_IDS.filter((id) => id !== PRO) });
    // the first page arrives, the second one fails
    fake!.script({ on: 'listModels' }, { on: 'listModels', reply: '500' });
    const { results } = await check();
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['unknown']));
    expect(fake!.requestsTo('listModels')).toHaveLength(2);
    expect(missingIds()).toEqual([]);
    expect(lastCheck()).toMatchObject({ outcome: 'failed', errorKind: 'google', lastSuccessAt: null });
  });

  it('does not take a 404 page from something that is not Google (a proxy, a wrong address) as "missing"', async () => {
    const proxy = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not Found</html>'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      await start({ baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });
      const { results } = await check();
      expect(new Set(results.map((r) => r.status))).toEqual(new Set(['unknown']));
      expect(missingIds()).toEqual([]);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('refuses with NO_API_KEY when no key is set, before asking Google anything', async () => {
    await start({ apiKey: null });
    expect(await t!.call('admin', 'settings.models.check', {})).toMatchObject({ ok: false, error: { code: 'NO_API_KEY' } });
    expect(fake!.requests).toHaveLength(0);
    expect(auditOf('settings.models.check')).toHaveLength(0);
  });

  it('is for admins only: a user gets FORBIDDEN and Google is not asked', async () => {
    await start();
    expect(await t!.call('user', 'settings.models.check', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fake!.requests).toHaveLength(0);
  });

  it('saves the answers into the catalogue as it is when Google has answered, keeping edits made meanwhile', async () => {
    await start({ knownModels: DEFAULT_MODEL_IDS.filter((id) => id !== PRO) });
    const checking = check();
    // while the look-ups are in flight, the admin removes Lite and disables Veo 3.1 Fast
    const edited = DEFAULT_CATALOGUE.filter((m) => m.id !== 'gemini-3.1-flash-lite-image').map((m) =>
      m.id === 'veo-3.1-fast-generate-preview' ? { ...m, enabled: false } : m,
    );
    await ok('admin', 'settings.models.update', { models: edited });
    const { catalogue } = await checking;
    expect(catalogue.map((m) => m.id)).not.toContain('gemini-3.1-flash-lite-image');
    expect(catalogue.find((m) => m.id === 'veo-3.1-fast-generate-preview')?.enabled).toBe(false);
    expect(catalogue.find((m) => m.id === PRO)?.missing).toBe(true);
    expect(storedCatalogue()).toEqual(catalogue);
  });
});

describe('saving the catalogue keeps Google’s answer', () => {
  it('a catalogue saved from an editor opened before the check cannot clear a missing flag; a new id starts as not missing', async () => {
    await start();
    markMissing([PRO]);
    const stale = DEFAULT_CATALOGUE.map((m) => ({ ...m, missing: false }));
    const added = { ...DEFAULT_CATALOGUE[1]!, id: 'gemini-3.2-flash-image', label: 'Nano Banana 3', isDefault: false, missing: true };
    const { catalogue } = await ok<{ catalogue: CatalogueModel[] }>('admin', 'settings.models.update', { models: [...stale, added] });
    expect(catalogue.filter((m) => m.missing).map((m) => m.id)).toEqual([PRO]);
    expect(catalogue.find((m) => m.id === added.id)?.missing).toBe(false);
  });
});
