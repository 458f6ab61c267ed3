import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/clock';
import type { MediaDesktopHooks } from '../../src/main/services/media/desktopHooks';
import { listMediaFiles, makeImage } from '../support/mediaFixtures';
import { seedUser, signInAs } from '../support/seed';
import { seedMediaRows } from '../support/seedMedia';
import { makeTempDir } from '../support/tempDir';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
const temps: (() => void)[] = [];
afterEach(async () => {
  await t?.cleanup();
  for (const cleanup of temps.splice(0)) cleanup();
});

const T0 = Date.UTC(2026, 10, 1);

async function lab(options: { mediaDesktop?: MediaDesktopHooks; clock?: ManualClock } = {}) {
  t = await startTestCore(options);
  const admin = seedUser(t.core, { role: 'admin', email: 'admin@lab.org' });
  const otherAdmin = seedUser(t.core, { role: 'admin', email: 'other@lab.org' });
  const alice = seedUser(t.core, { email: 'alice@lab.org', managedBy: [admin] });
  const stranger = seedUser(t.core, { email: 'stranger@lab.org' });
  for (const [transport, id] of [
    ['admin', admin],
    ['other', otherAdmin],
    ['alice', alice],
    ['stranger', stranger],
  ] as const)
    signInAs(t.core, transport, id);
  return { admin, otherAdmin, alice, stranger };
}

async function importAs(transport: string, color = '#336699'): Promise<string> {
  const result = await t.call(transport, 'media.import', { bytes: new Uint8Array(await makeImage({ color })) });
  if (!result.ok) throw new Error(result.error.message);
  return (result.data as { id: string }).id;
}

const countRows = (table: string) => (t.core.services.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('media.get', () => {
  it('still shows an item whose stored parameters were damaged outside the app', async () => {
    const { alice } = await lab();
    const [id] = seedMediaRows(t.core.services.db, [{ userId: alice, createdAt: T0, prompt: 'a castle' }]);
    t.core.services.db.$client.prepare("UPDATE media SET params = '{not json', input_ids = 'nope' WHERE id = ?").run(id);
    const alices = t.as('alice');
    expect((await alices.call('media.list', { limit: 10 })).items.map((m) => m.id)).toEqual([id]);
    expect(await alices.call('media.get', { id: id! })).toMatchObject({ id, prompt: 'a castle', params: {}, inputIds: [] });
  });

  it('returns every parameter, the inputs and the source chain (nearest first)', async () => {
    const { alice } = await lab();
    const input = await importAs('alice');
    const [original] = seedMediaRows(t.core.services.db, [{ userId: alice, createdAt: T0, prompt: 'a castle', inputIds: [input] }]);
    const [edit] = seedMediaRows(t.core.services.db, [{ userId: alice, createdAt: T0 + 1, prompt: 'add snow', parentMediaId: original }]);
    const [video] = seedMediaRows(t.core.services.db, [
      {
        userId: alice,
        createdAt: T0 + 2,
        kind: 'video',
        prompt: 'animate',
        parentMediaId: edit,
        params: { durationSeconds: 8, resolution: '1080p' },
      },
    ]);
    const result = await t.call('alice', 'media.get', { id: video! });
    expect(result).toMatchObject({
      ok: true,
      data: { id: video, kind: 'video', params: { durationSeconds: 8, resolution: '1080p' }, sourceChain: [{ id: edit }, { id: original }] },
    });
    expect(await t.call('alice', 'media.get', { id: original! })).toMatchObject({
      ok: true,
      data: { inputIds: [input], inputs: [{ id: input, kind: 'input' }] },
    });
  });

  it('answers NOT_FOUND alike for another user’s item and for an unknown id', async () => {
    await lab();
    const id = await importAs('alice');
    const foreign = await t.call('stranger', 'media.get', { id });
    const unknown = await t.call('stranger', 'media.get', { id: 'no-such-item' });
    expect(foreign).toEqual(unknown);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('other', 'media.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('admin', 'media.get', { id })).toMatchObject({
      ok: true,
      data: { owner: { email: 'alice@lab.org' }, workstation: { hostName: 'lab-pc-07' } },
    });
  });

  it('refuses an id that could be a path', async () => {
    await lab();
    expect(await t.call('alice', 'media.get', { id: '../studio' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('media.favorite', () => {
  it('marks and unmarks a favourite, only on items the caller may see', async () => {
    await lab();
    const id = await importAs('alice');
    expect(await t.call('alice', 'media.favorite', { id, favorite: true })).toEqual({ ok: true, data: { id, favorite: true } });
    expect(await t.call('alice', 'media.list', { favorite: true })).toMatchObject({ ok: true, data: { items: [{ id, favorite: true }] } });
    expect(await t.call('stranger', 'media.favorite', { id, favorite: false })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('alice', 'media.get', { id })).toMatchObject({ ok: true, data: { favorite: true } });
  });
});

describe('media.delete', () => {
  it('really deletes: row, file, thumbnail and search entry gone, URL 404, audited, owner told', async () => {
    await lab();
    const id = await importAs('alice');
    const heard: unknown[] = [];
    t.core.events.connect('alice', (event, payload) => heard.push({ event, payload }));
    expect(await t.call('alice', 'media.delete', { ids: [id] })).toEqual({ ok: true, data: { deleted: [id] } });
    expect(countRows('media')).toBe(0);
    expect(listMediaFiles(t.dataDir)).toEqual([]);
    expect((await t.core.serveMedia('alice', new Request(`studio-media://media/${id}/original`))).status).toBe(404);
    expect(heard).toEqual([{ event: 'media.deleted', payload: { userId: expect.any(String), ids: [id] } }]);
    const audit = t.core.services.db.$client.prepare('SELECT action, target_email AS target FROM audit_entry').all();
    expect(audit).toEqual([{ action: 'media.delete', target: 'alice@lab.org' }]);
  });

  it('lets an admin delete a managed user’s items, and no one else’s', async () => {
    await lab();
    const id = await importAs('alice');
    expect(await t.call('other', 'media.delete', { ids: [id] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('stranger', 'media.delete', { ids: [id] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(countRows('media')).toBe(1);
    expect(await t.call('admin', 'media.delete', { ids: [id] })).toMatchObject({ ok: true });
    expect(countRows('media')).toBe(0);
  });

  it('deletes nothing when any one of the ids is not the caller’s (all or nothing)', async () => {
    await lab();
    const mine = await importAs('alice');
    const theirs = await importAs('stranger');
    const before = listMediaFiles(t.dataDir);
    expect(await t.call('alice', 'media.delete', { ids: [mine, theirs] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('alice', 'media.delete', { ids: [mine, 'unknown-id'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(countRows('media')).toBe(2);
    expect(listMediaFiles(t.dataDir)).toEqual(before);
  });

  it('keeps an edit when its source is deleted, with the link cleared', async () => {
    const { alice } = await lab();
    const source = await importAs('alice');
    const [edit] = seedMediaRows(t.core.services.db, [{ userId: alice, createdAt: T0, parentMediaId: source }]);
    expect(await t.call('alice', 'media.delete', { ids: [source] })).toMatchObject({ ok: true });
    expect(await t.call('alice', 'media.get', { id: edit! })).toMatchObject({ ok: true, data: { parentMediaId: null, sourceChain: [] } });
  });

  it('refuses an empty selection and oversized batches with a clear message', async () => {
    await lab();
    expect(await t.call('alice', 'media.delete', { ids: [] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('nothing selected') },
    });
    const many = Array.from({ length: 501 }, (_, i) => `id-${i}`);
    expect(await t.call('alice', 'media.delete', { ids: many })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('media.export', () => {
  it('copies the files with a JSON sidecar each into a new folder under the data folder (no dialog)', async () => {
    await lab();
    const a = await importAs('alice', '#ff0000');
    const b = await importAs('alice', '#00ff00');
    const result = await t.call('alice', 'media.export', { ids: [a, b] });
    expect(result).toMatchObject({ ok: true, data: { exported: true, files: 2, skipped: [] } });
    const folder = (result as { data: { path: string } }).data.path;
    expect(path.dirname(folder)).toBe(path.join(t.dataDir, 'exports'));
    // imported images have no prompt: named by the day and "imported", numbered in creation order
    expect(fs.readdirSync(folder).sort()).toEqual([
      '2026-11-26_imported_1.json',
      '2026-11-26_imported_1.png',
      '2026-11-26_imported_2.json',
      '2026-11-26_imported_2.png',
    ]);
    const sidecar = JSON.parse(fs.readFileSync(path.join(folder, '2026-11-26_imported_1.json'), 'utf8')) as Record<string, unknown>;
    expect(sidecar).toMatchObject({
      file: '2026-11-26_imported_1.png',
      kind: 'input',
      mimeType: 'image/png',
      owner: 'alice@lab.org',
      workstation: { hostName: 'lab-pc-07' },
    });
    expect([a, b]).toContain(sidecar.id);
    expect(JSON.stringify(sidecar)).not.toContain('media/2026'); // no internal paths
    // a second export at the same moment gets its own folder
    const again = await t.call('alice', 'media.export', { ids: [a] });
    expect((again as { data: { path: string } }).data.path).not.toBe(folder);
  });

  it('names files by local creation day and prompt, numbers look-alikes, and pairs each sidecar with its file', async () => {
    // 09:00 UTC on 26 Nov is 22:00 in Auckland; an item made at 12:00 UTC is on 27 Nov there
    const clock = new ManualClock(Date.UTC(2026, 10, 26, 9, 0, 0), 'Pacific/Auckland');
    const { alice } = await lab({ clock });
    const original = await makeImage({ color: '#123456' });
    const thumbnail = await makeImage({ color: '#654321', width: 8, height: 8 });
    const late = Date.UTC(2026, 10, 26, 12, 0, 0);
    const seeded = seedMediaRows(
      t.core.services.db,
      [
        { userId: alice, createdAt: late + 2, prompt: 'A castle in the snow, at dusk' },
        { userId: alice, createdAt: late, prompt: 'a castle in the SNOW at dusk!' },
        { userId: alice, createdAt: late + 1, prompt: 'Ein großer Café 🌙 — at night' },
        { userId: alice, createdAt: late + 3, prompt: 'CON' },
      ],
      { dataDir: t.dataDir, original, thumbnail },
    );
    const imported = await importAs('alice'); // now: still 26 Nov in Auckland
    const result = await t.call('alice', 'media.export', { ids: [...seeded, imported] });
    expect(result).toMatchObject({ ok: true, data: { files: 5, skipped: [] } });
    const folder = (result as { data: { path: string } }).data.path;
    const names = fs.readdirSync(folder).sort();
    expect(names).toEqual([
      '2026-11-26_imported_1.json',
      '2026-11-26_imported_1.png',
      '2026-11-27_a-castle-in-the-snow-at_1.json',
      '2026-11-27_a-castle-in-the-snow-at_1.png',
      '2026-11-27_a-castle-in-the-snow-at_2.json',
      '2026-11-27_a-castle-in-the-snow-at_2.png',
      '2026-11-27_con_1.json',
      '2026-11-27_con_1.png',
      '2026-11-27_ein-grosser-cafe-at-night_1.json',
      '2026-11-27_ein-grosser-cafe-at-night_1.png',
    ]);
    // every sidecar names its file and describes the item that file is a copy of; the older castle is _1
    const byFile = new Map<string, string>();
    for (const json of names.filter((n) => n.endsWith('.json'))) {
      const sidecar = JSON.parse(fs.readFileSync(path.join(folder, json), 'utf8')) as { id: string; file: string };
      expect(sidecar.file).toBe(json.replace(/\.json$/, '.png'));
      byFile.set(sidecar.file, sidecar.id);
    }
    expect(byFile.get('2026-11-27_a-castle-in-the-snow-at_1.png')).toBe(seeded[1]);
    expect(byFile.get('2026-11-27_a-castle-in-the-snow-at_2.png')).toBe(seeded[0]);
    expect(byFile.get('2026-11-27_ein-grosser-cafe-at-night_1.png')).toBe(seeded[2]);
    expect(byFile.get('2026-11-26_imported_1.png')).toBe(imported);
    expect(fs.readFileSync(path.join(folder, '2026-11-27_con_1.png')).equals(original)).toBe(true);
  });

  it('exports a managed user’s items for their admin, and refuses anyone else’s (all or nothing)', async () => {
    await lab();
    const id = await importAs('alice');
    expect(await t.call('admin', 'media.export', { ids: [id] })).toMatchObject({ ok: true, data: { files: 1 } });
    expect(await t.call('stranger', 'media.export', { ids: [id] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('other', 'media.export', { ids: [id] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('skips an item whose file is missing and says so', async () => {
    const { alice } = await lab();
    const [ghost] = seedMediaRows(t.core.services.db, [{ userId: alice, createdAt: T0 }]);
    const real = await importAs('alice');
    expect(await t.call('alice', 'media.export', { ids: [ghost!, real] })).toMatchObject({
      ok: true,
      data: { files: 1, skipped: [{ id: ghost, reason: 'missing' }] },
    });
  });

  it('does not let the page choose where files are written', async () => {
    await lab();
    const id = await importAs('alice');
    expect(await t.raw('alice', 'media.export', { ids: [id], destination: '/tmp' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('exports into the folder picked in the desktop dialog, and does nothing when it is cancelled', async () => {
    const chosen = makeTempDir();
    temps.push(chosen.cleanup);
    let answer: string | null = chosen.dir;
    await lab({ mediaDesktop: { chooseExportFolder: async () => answer } });
    const id = await importAs('alice');
    const result = await t.call('alice', 'media.export', { ids: [id] });
    expect(path.dirname((result as { data: { path: string } }).data.path)).toBe(chosen.dir);
    answer = null;
    expect(await t.call('alice', 'media.export', { ids: [id] })).toEqual({ ok: true, data: { exported: false, path: null, files: 0, skipped: [] } });
  });
});

describe('media.stats', () => {
  it('counts a user’s own items and bytes by kind (and works for a normal user)', async () => {
    const { alice } = await lab();
    seedMediaRows(t.core.services.db, [
      { userId: alice, createdAt: T0, kind: 'image' },
      { userId: alice, createdAt: T0 + 1, kind: 'image' },
      { userId: alice, createdAt: T0 + 2, kind: 'video', model: 'veo-3.1-generate-preview' },
    ]);
    const result = await t.call('alice', 'media.stats', {});
    expect(result).toMatchObject({
      ok: true,
      data: {
        own: {
          count: 3,
          bytes: 3000,
          missing: 0,
          byKind: { image: { count: 2, bytes: 2000 }, video: { count: 1, bytes: 1000 }, input: { count: 0 } },
        },
        managed: null,
        models: ['gemini-3.1-flash-image', 'veo-3.1-generate-preview'],
      },
    });
  });

  it('gives an admin their own totals and, separately, their managed users’ — never anyone else’s', async () => {
    const { admin, alice, stranger } = await lab();
    seedMediaRows(t.core.services.db, [
      { userId: admin, createdAt: T0 },
      { userId: alice, createdAt: T0 + 1 },
      { userId: alice, createdAt: T0 + 2, kind: 'video' },
      { userId: stranger, createdAt: T0 + 3, model: 'secret-model' },
    ]);
    const result = await t.call('admin', 'media.stats');
    expect(result).toMatchObject({
      ok: true,
      data: {
        own: { count: 1 },
        managed: {
          count: 2,
          byKind: { image: { count: 1 }, video: { count: 1 } },
          users: [{ userId: alice, email: 'alice@lab.org', totals: { count: 2 } }],
        },
      },
    });
    expect((result as { data: { models: string[] } }).data.models).not.toContain('secret-model');
    expect(await t.call('other', 'media.stats')).toMatchObject({ ok: true, data: { own: { count: 0 }, managed: { count: 0, users: [] } } });
  });
});

describe('desktop-only actions', () => {
  it('reports no desktop capabilities in the harness and refuses save-as and reveal there', async () => {
    await lab();
    const id = await importAs('alice');
    expect(await t.call('alice', 'media.capabilities.get')).toEqual({
      ok: true,
      data: { saveAs: false, revealInFolder: false, exportToChosenFolder: false },
    });
    expect(await t.call('alice', 'media.save_as', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('alice', 'media.reveal', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('saves a copy where the dialog says and reveals the stored file, for visible items only', async () => {
    const target = makeTempDir();
    temps.push(target.cleanup);
    const revealed: string[] = [];
    const suggestions: string[] = [];
    await lab({
      mediaDesktop: {
        chooseSaveFile: async (_transport, suggested) => {
          suggestions.push(suggested);
          return path.join(target.dir, suggested);
        },
        revealInFolder: (file) => revealed.push(file),
      },
    });
    const id = await importAs('alice');
    expect(await t.call('alice', 'media.capabilities.get')).toMatchObject({ ok: true, data: { saveAs: true, revealInFolder: true } });
    // the dialog suggests the name an export would give the item
    const suggested = '2026-11-26_imported_1.png';
    expect(await t.call('alice', 'media.save_as', { id })).toEqual({ ok: true, data: { saved: true, path: path.join(target.dir, suggested) } });
    expect(suggestions).toEqual([suggested]);
    expect(fs.existsSync(path.join(target.dir, suggested))).toBe(true);
    expect(await t.call('alice', 'media.reveal', { id })).toEqual({ ok: true, data: { revealed: true } });
    expect(revealed[0]).toMatch(new RegExp(`media/2026/11/${id}\\.png$`));
    expect(await t.call('stranger', 'media.save_as', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('stranger', 'media.reveal', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(revealed).toHaveLength(1);
  });
});
