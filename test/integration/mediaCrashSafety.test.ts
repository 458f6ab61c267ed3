import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/main/logger';
import { DURABLE_STEPS } from '../../src/main/services/media/durableFile';
import { MediaStore, type MediaWriteStep } from '../../src/main/services/media/mediaStore';
import { listMediaFiles, makeImage } from '../support/mediaFixtures';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const STEPS: MediaWriteStep[] = [
  ...DURABLE_STEPS.map((s) => `original:${s}` as const),
  ...DURABLE_STEPS.map((s) => `thumb:${s}` as const),
  'row-inserted',
];

/**
 * Starts an import on a store whose write freezes forever at `step` — nothing after it runs, no
 * cleanup either, as when the process is killed there — then stops the core and starts a new one on
 * the same folder, which runs the start-up sweep.
 */
async function crashImportAt(step: MediaWriteStep): Promise<{ restarted: TestCore; userId: string }> {
  const first = await startTestCore();
  const userId = seedUser(first.core);
  let reached!: () => void;
  const atStep = new Promise<void>((resolve) => (reached = resolve));
  const store = new MediaStore({
    db: first.core.services.db,
    dataDir: first.dataDir,
    clock: first.clock,
    logger: createMemoryLogger(),
    ffmpegPath: null,
    onWriteStep: (s) => {
      if (s !== step) return;
      reached();
      return new Promise<void>(() => {}); // the process is gone
    },
  });
  void store.importImage({ userId, bytes: await makeImage(), workstation: first.core.services.workstation() });
  await atStep;
  await first.stop();
  const restarted = await startTestCore({ dataDir: first.dataDir });
  return { restarted, userId };
}

describe('a media write interrupted at any step', () => {
  it.each(STEPS)('leaves either nothing or a complete item after the sweep (crash after %s)', async (step) => {
    const { restarted, userId } = await crashImportAt(step);
    t = restarted;
    const rows = t.core.services.db.$client.prepare('SELECT id, rel_path AS relPath, thumb_rel_path AS thumb, missing FROM media').all() as {
      id: string;
      relPath: string;
      thumb: string;
      missing: number;
    }[];
    const files = listMediaFiles(t.dataDir);
    if (step === 'row-inserted') {
      // the row is committed, so the item is complete: file, thumbnail, served
      expect(rows).toHaveLength(1);
      expect(files).toEqual([rows[0]!.relPath, rows[0]!.thumb].sort());
      expect(rows[0]!.missing).toBe(0);
      signInAs(t.core, 'win', userId);
      const response = await t.core.serveMedia('win', new Request(`studio-media://media/${rows[0]!.id}/original`));
      expect(response.status).toBe(200);
    } else {
      // no row was written: no file, no thumbnail, no temp file may remain
      expect(rows).toEqual([]);
      expect(files).toEqual([]);
    }
  });
});

describe('the start-up sweep', () => {
  it('finishes a delete that crashed after the row was removed (files without a row go)', async () => {
    t = await startTestCore();
    const userId = seedUser(t.core);
    signInAs(t.core, 'win', userId);
    const { data } = (await t.call('win', 'media.import', { bytes: new Uint8Array(await makeImage()) })) as { data: { id: string } };
    t.core.services.db.$client.prepare('DELETE FROM media WHERE id = ?').run(data.id); // ... and the process died here
    expect(listMediaFiles(t.dataDir)).toHaveLength(2);
    await t.stop();
    t = await startTestCore({ dataDir: t.dataDir });
    expect(listMediaFiles(t.dataDir)).toEqual([]);
  });

  it('flags an item whose file disappeared as missing, and unflags it when the file comes back', async () => {
    t = await startTestCore();
    const userId = seedUser(t.core);
    signInAs(t.core, 'win', userId);
    const { data } = (await t.call('win', 'media.import', { bytes: new Uint8Array(await makeImage()) })) as { data: { id: string } };
    const file = path.join(t.dataDir, 'media/2026/11', `${data.id}.png`);
    const bytes = fs.readFileSync(file);
    fs.rmSync(file);
    await t.stop();

    t = await startTestCore({ dataDir: t.dataDir });
    signInAs(t.core, 'win', userId);
    expect(await t.call('win', 'media.list', {})).toMatchObject({ ok: true, data: { items: [{ id: data.id, missing: true }] } });
    expect((await t.core.serveMedia('win', new Request(`studio-media://media/${data.id}/original`))).status).toBe(404);

    fs.writeFileSync(file, bytes);
    await t.stop();
    t = await startTestCore({ dataDir: t.dataDir });
    signInAs(t.core, 'win', userId);
    expect(await t.call('win', 'media.list', {})).toMatchObject({ ok: true, data: { items: [{ id: data.id, missing: false }] } });
  });

  it('rebuilds a thumbnail that went missing', async () => {
    t = await startTestCore();
    const userId = seedUser(t.core);
    signInAs(t.core, 'win', userId);
    const { data } = (await t.call('win', 'media.import', { bytes: new Uint8Array(await makeImage()) })) as { data: { id: string } };
    const thumb = path.join(t.dataDir, 'media/2026/11', `${data.id}.thumb.webp`);
    fs.rmSync(thumb);
    await t.stop();
    t = await startTestCore({ dataDir: t.dataDir });
    await t.stop(); // shutdown waits for the background repair
    expect(fs.existsSync(thumb)).toBe(true);
  });

  it('removes temp files and staged downloads, and leaves files it did not name alone', async () => {
    t = await startTestCore();
    const month = path.join(t.dataDir, 'media/2026/11');
    fs.mkdirSync(month, { recursive: true });
    fs.writeFileSync(path.join(month, '.abc.png.1234.tmp'), 'half');
    fs.mkdirSync(path.join(t.dataDir, 'media/.staging'), { recursive: true });
    fs.writeFileSync(path.join(t.dataDir, 'media/.staging/abc.part'), 'download');
    fs.writeFileSync(path.join(month, 'notes.txt'), 'mine');
    await t.stop();
    t = await startTestCore({ dataDir: t.dataDir });
    expect(listMediaFiles(t.dataDir)).toEqual(['media/2026/11/notes.txt']);
  });
});
