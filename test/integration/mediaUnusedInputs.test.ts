// A file picked for a generator that no job ever used goes after a week (services/media/unusedInputs.ts):
// at the next start, files and rows both, unless a saved draft still shows it.
import fs from 'node:fs';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/clock';
import { UNUSED_INPUT_MAX_AGE_MS } from '../../src/main/services/media/unusedInputs';
import { makePatternPng } from '../fake-gemini/images';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { filesUnder, type GenerationRig, startGenerationRig } from '../support/generationCore';
import { signInAs } from '../support/seed';

let fake: FakeGemini | undefined;
let rig: GenerationRig | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await rig?.close();
  await fake?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  rig = fake = dataDir = undefined;
});

/** A PNG of noise, about 600 KB: two of them do not fit in a 1 MB import limit. */
const bigPng = (seed: number) =>
  sharp({ create: { width: 450, height: 450, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128 + seed, sigma: 40 } } })
    .png()
    .toBuffer();

async function importAs(r: GenerationRig, bytes: Buffer, purpose: 'input' | 'gallery'): Promise<string> {
  return (await r.ok('media.import', { bytes: new Uint8Array(bytes), fileName: 'picked.png', purpose })).id;
}

/** Stops the core and starts another on the same folder, its clock at `at` (a restart days later). */
async function restartAt(at: number): Promise<GenerationRig> {
  const { userId } = rig!;
  await rig!.stop();
  return startGenerationRig({ fake, dataDir, userId, overrides: { clock: new ManualClock(at, 'UTC') } });
}

const rowExists = (r: GenerationRig, id: string) => r.core.services.db.$client.prepare('SELECT 1 FROM media WHERE id = ?').get(id) !== undefined;
const filesOf = (r: GenerationRig, id: string) => filesUnder(r.dataDir, 'media').filter((f) => f.includes(id));

describe('unused picked inputs', () => {
  it('go after a week with their files, unless a draft shows them or a job used them; then they no longer count toward the import limit', async () => {
    fake = await startFakeGemini({ pendingPolls: 2 });
    rig = await startGenerationRig({ fake });
    dataDir = rig.dataDir;
    const t0 = rig.clock.now();
    rig.core.services.settings.set('importLimitMb', 1, null);

    const stale = await importAs(rig, await bigPng(1), 'input');
    const drafted = await importAs(rig, makePatternPng(32, 32, 2), 'input');
    const used = await importAs(rig, makePatternPng(32, 32, 3), 'input');
    const gallery = await importAs(rig, makePatternPng(32, 32, 4), 'gallery');
    await rig.ok('drafts.save', {
      page: 'image',
      value: { prompt: 'A lighthouse', options: {}, inputs: { references: [{ id: drafted, name: 'style.png' }] } },
    });
    await rig.ok('generation.image.edit', { sourceId: used, prompt: 'Make it blue' });
    await rig.settle();
    rig.clock.advance(UNUSED_INPUT_MAX_AGE_MS - 60_000);
    signInAs(rig.core, rig.window, rig.userId); // a new session, days later
    const recent = await importAs(rig, makePatternPng(32, 32, 5), 'input');
    expect(filesOf(rig, stale).length).toBe(2); // the file and its thumbnail

    // while it is kept, the unused pick still fills the limit
    const refused = await rig.call(rig.window, 'media.import', { bytes: new Uint8Array(await bigPng(6)), fileName: 'more.png', purpose: 'input' });
    expect(refused.ok || refused.error.code).toBe('QUOTA_EXCEEDED');

    // the app starts again a week after the first picks
    rig = await restartAt(t0 + UNUSED_INPUT_MAX_AGE_MS + 1);
    expect(rowExists(rig, stale)).toBe(false);
    expect(filesOf(rig, stale)).toEqual([]);
    expect((await rig.call(rig.window, 'media.get', { id: stale })).ok).toBe(false);
    // the draft still shows its pick, the job's input is in the gallery, the younger pick waits its week
    expect((await rig.ok('drafts.get', { page: 'image' })).draft?.inputs.references).toEqual([expect.objectContaining({ id: drafted })]);
    for (const id of [drafted, used, recent, gallery]) {
      expect(rowExists(rig, id)).toBe(true);
      expect(filesOf(rig, id).length).toBe(2);
    }
    const listed = (await rig.ok('media.list', { limit: 60 })).items.map((item) => item.id);
    expect(listed).toEqual(expect.arrayContaining([used, gallery]));
    expect(listed).not.toContain(drafted);

    // the swept pick no longer counts: the same import now fits
    expect((await rig.call(rig.window, 'media.import', { bytes: new Uint8Array(await bigPng(6)), fileName: 'more.png', purpose: 'input' })).ok).toBe(
      true,
    );
  });

  it('a pick whose draft was cleared goes at the next start once it is a week old', async () => {
    fake = await startFakeGemini({ pendingPolls: 2 });
    rig = await startGenerationRig({ fake });
    dataDir = rig.dataDir;
    const t0 = rig.clock.now();
    const picked = await importAs(rig, makePatternPng(32, 32, 7), 'input');
    await rig.ok('drafts.save', { page: 'video', value: { prompt: 'A wave', options: {}, inputs: { firstFrame: [{ id: picked, name: 'a.png' }] } } });
    rig = await restartAt(t0 + UNUSED_INPUT_MAX_AGE_MS + 1);
    expect(rowExists(rig, picked)).toBe(true);
    await rig.ok('drafts.clear', { page: 'video' });
    // a damaged draft elsewhere neither stops the sweep nor the start
    rig.core.services.db.$client
      .prepare(`INSERT INTO draft (user_id, page, value, updated_at) VALUES (?, 'image', '{"inputs": {"source": [{"id":', 0)`)
      .run(rig.userId);
    rig = await restartAt(t0 + UNUSED_INPUT_MAX_AGE_MS + 2);
    expect(rowExists(rig, picked)).toBe(false);
    expect(filesOf(rig, picked)).toEqual([]);
  });
});
