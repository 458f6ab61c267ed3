import { afterEach, describe, expect, it } from 'vitest';
import { importedBytes } from '../../src/main/services/media/importLimit';
import { makePatternPng } from '../fake-gemini/images';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';

let rig: GenerationRig;
afterEach(async () => rig?.close());

/** every event the signed-in user's window hears */
function listen(r: GenerationRig): { event: string; payload: unknown }[] {
  const heard: { event: string; payload: unknown }[] = [];
  r.core.events.connect(r.window, (event, payload) => heard.push({ event, payload }));
  return heard;
}

async function importPng(seed: number, purpose?: 'gallery' | 'input'): Promise<string> {
  const png = makePatternPng(32, 32, seed);
  const stored = await rig.ok('media.import', { bytes: new Uint8Array(png), fileName: `picked-${seed}.png`, ...(purpose ? { purpose } : {}) });
  return stored.id;
}

const listedIds = async () => (await rig.ok('media.list', { limit: 60 })).items.map((item) => item.id);

describe('a file picked from disk for a generator', () => {
  it('is stored but not listed, counted or announced until a job uses it', async () => {
    rig = await startGenerationRig();
    const heard = listen(rig);
    const picked = await importPng(1, 'input');

    expect(await listedIds()).toEqual([]);
    expect(await rig.ok('media.count', {})).toEqual({ count: 0, capped: false });
    expect(await rig.ok('media.list', { limit: 60, kind: 'input' })).toMatchObject({ items: [] });
    expect((await rig.ok('media.stats')).own).toMatchObject({ count: 0, byKind: { input: { count: 0 } } });
    expect(heard.filter((h) => h.event === 'media.created')).toEqual([]);
    // the generator still shows it: its details and file are there
    expect(await rig.ok('media.get', { id: picked })).toMatchObject({ id: picked, kind: 'input' });

    await rig.ok('generation.image.edit', { sourceId: picked, prompt: 'Make it blue' });
    // listed with the job, before anything is generated, and announced once
    expect(await listedIds()).toContain(picked);
    expect(heard.filter((h) => h.event === 'media.created')).toEqual([
      { event: 'media.created', payload: { userId: expect.any(String), ids: [picked] } },
    ]);
    await rig.settle();
    expect(await rig.ok('media.count', {})).toEqual({ count: 2, capped: false });
    expect((await rig.ok('media.stats')).own).toMatchObject({ byKind: { input: { count: 1 }, image: { count: 1 } } });
  });

  it('still counts toward the import limit while unlisted', async () => {
    rig = await startGenerationRig();
    await importPng(1, 'input');
    expect(importedBytes(rig.core.services.db, rig.userId)).toBe(makePatternPng(32, 32, 1).length);
  });

  it('the Gallery’s own import is listed and announced at once', async () => {
    rig = await startGenerationRig();
    const heard = listen(rig);
    const imported = await importPng(3);
    const explicit = await importPng(4, 'gallery');
    expect((await listedIds()).sort()).toEqual([explicit, imported].sort());
    expect(heard.filter((h) => h.event === 'media.created').map((h) => (h.payload as { ids: string[] }).ids)).toEqual([[imported], [explicit]]);
  });
});
