import { afterEach, describe, expect, it } from 'vitest';
import type { DraftValue } from '../../src/shared/contract/routes/drafts';
import { seedUser, signInAs } from '../support/seed';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';

let rig: GenerationRig;
afterEach(async () => rig?.close());

const draftOf = (prompt: string, extra: Partial<DraftValue> = {}): DraftValue => ({
  prompt,
  model: 'gemini-nano-banana-2.1',
  options: { aspectRatio: '3:2', count: 2 },
  inputs: {},
  ...extra,
});

describe('drafts', () => {
  it('keeps each page’s draft for its owner only: another person reads nothing of it', async () => {
    rig = await startGenerationRig();
    const ben = seedUser(rig.core, { email: 'ben@lab.org' });
    signInAs(rig.core, 'ben-window', ben);
    const reference = await rig.importPng(3);

    await rig.ok('drafts.save', {
      page: 'image',
      value: draftOf('A lighthouse at dusk', { inputs: { references: [{ id: reference, name: 'style.png' }] } }),
    });
    await rig.ok('drafts.save', { page: 'edit', value: draftOf('Make the sky stormy') });

    const mine = await rig.ok('drafts.get', { page: 'image' });
    expect(mine.draft).toMatchObject({
      prompt: 'A lighthouse at dusk',
      options: { aspectRatio: '3:2', count: 2 },
      inputs: { references: [{ id: reference, name: 'style.png', url: expect.stringContaining(reference), thumbUrl: expect.any(String) }] },
    });
    expect((await rig.ok('drafts.get', { page: 'edit' })).draft?.prompt).toBe('Make the sky stormy');

    // Ben at the same workstation: his own pages are empty, and what he saves is his alone
    expect(await rig.as('ben-window').call('drafts.get', { page: 'image' })).toEqual({ draft: null, updatedAt: null });
    await rig.as('ben-window').call('drafts.save', { page: 'image', value: draftOf('A red bicycle') });
    expect((await rig.ok('drafts.get', { page: 'image' })).draft?.prompt).toBe('A lighthouse at dusk');

    // an input of someone else's is dropped when read back, not shown
    await rig
      .as('ben-window')
      .call('drafts.save', { page: 'image', value: draftOf('Borrowed', { inputs: { references: [{ id: reference, name: 'x.png' }] } }) });
    expect((await rig.as('ben-window').call('drafts.get', { page: 'image' })).draft?.inputs.references).toEqual([]);
  });

  it('survives a restart of the core on the same data folder', async () => {
    rig = await startGenerationRig();
    const frame = await rig.importPng(4);
    const value = draftOf('A fox in the snow', { mode: 'image', inputs: { firstFrame: [{ id: frame, name: 'fox.png' }] }, negativePrompt: 'text' });
    await rig.ok('drafts.save', { page: 'video', value });
    rig = await rig.restart();
    const { draft } = await rig.ok('drafts.get', { page: 'video' });
    expect(draft).toMatchObject({
      prompt: 'A fox in the snow',
      mode: 'image',
      negativePrompt: 'text',
      inputs: { firstFrame: [{ id: frame, name: 'fox.png' }] },
    });
  });

  it('drops an input deleted since, and a continued video that is gone', async () => {
    rig = await startGenerationRig();
    const kept = await rig.importPng(5);
    const gone = await rig.importPng(6);
    await rig.ok('drafts.save', {
      page: 'video',
      value: draftOf('Continue', {
        inputs: {
          references: [
            { id: kept, name: 'a.png' },
            { id: gone, name: 'b.png' },
          ],
        },
        target: { mediaId: kept, how: 'extend', prompt: 'not a video' },
      }),
    });
    await rig.ok('media.delete', { ids: [gone] });
    const { draft } = await rig.ok('drafts.get', { page: 'video' });
    expect(draft?.inputs.references?.map((r) => r.id)).toEqual([kept]);
    expect(draft?.target).toBeUndefined();
  });

  it('clears one page or all of them', async () => {
    rig = await startGenerationRig();
    for (const page of ['image', 'edit', 'video'] as const) await rig.ok('drafts.save', { page, value: draftOf(page) });
    expect(await rig.ok('drafts.clear', { page: 'edit' })).toEqual({ cleared: 1 });
    expect((await rig.ok('drafts.get', { page: 'edit' })).draft).toBeNull();
    expect(await rig.ok('drafts.clear', {})).toEqual({ cleared: 2 });
    expect((await rig.ok('drafts.get', { page: 'image' })).draft).toBeNull();
  });

  it('goes with the account', async () => {
    rig = await startGenerationRig();
    const admin = seedUser(rig.core, { email: 'admin@lab.org', role: 'admin' });
    const kim = seedUser(rig.core, { email: 'kim@lab.org', managedBy: [admin] });
    signInAs(rig.core, 'admin-window', admin);
    signInAs(rig.core, 'kim-window', kim);
    await rig.as('kim-window').call('drafts.save', { page: 'image', value: draftOf('Kim’s secret project') });
    await rig.as('admin-window').call('users.delete', { userId: kim, media: 'delete' });
    const rows = rig.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM draft WHERE user_id = ?').get(kim) as { n: number };
    expect(rows.n).toBe(0);
  });

  it('refuses what the contract bounds: a page it does not know, a prompt past 10 000 characters, a stray field, and no session', async () => {
    rig = await startGenerationRig();
    expect((await rig.raw(rig.window, 'drafts.get', { page: 'gallery' })).ok).toBe(false);
    const tooLong = await rig.as(rig.window).fail('drafts.save', { page: 'image', value: draftOf('x'.repeat(10_001)) });
    expect(tooLong.code).toBe('VALIDATION_FAILED');
    const stray = await rig.raw(rig.window, 'drafts.save', { page: 'image', value: { ...draftOf('x'), secret: 'y' } });
    expect(stray).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const signedOut = await rig.raw('nobody', 'drafts.get', { page: 'image' });
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('prompt history', () => {
  it('lists the caller’s own distinct prompts, newest first, searchable, by kind, in pages', async () => {
    rig = await startGenerationRig();
    const ben = seedUser(rig.core, { email: 'ben@lab.org' });
    signInAs(rig.core, 'ben-window', ben);
    const send = async (prompt: string) => {
      await rig.ok('generation.image.create', { prompt });
      rig.clock.advance(1_000);
    };
    await send('A lighthouse at dusk');
    await send('A fox in the snow');
    await send('A lighthouse at dusk'); // used again: moves to the top, listed once
    await send('100% cotton_shirt');
    await rig.as('ben-window').call('generation.image.create', { prompt: 'Ben’s own prompt' });
    await rig.settle();

    const all = await rig.ok('prompts.history', {});
    expect(all.items.map((i) => i.prompt)).toEqual(['100% cotton_shirt', 'A lighthouse at dusk', 'A fox in the snow']);
    expect(all.nextCursor).toBeNull();

    // case-insensitive words; % and _ are letters, not wildcards
    expect((await rig.ok('prompts.history', { query: 'LIGHTHOUSE' })).items.map((i) => i.prompt)).toEqual(['A lighthouse at dusk']);
    expect((await rig.ok('prompts.history', { query: '0% c' })).items.map((i) => i.prompt)).toEqual(['100% cotton_shirt']);
    expect((await rig.ok('prompts.history', { query: 'fo_' })).items).toEqual([]);
    expect((await rig.ok('prompts.history', { kind: 'video' })).items).toEqual([]);

    const first = await rig.ok('prompts.history', { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await rig.ok('prompts.history', { limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ items: [{ prompt: 'A fox in the snow', lastUsedAt: expect.any(Number) }], nextCursor: null });

    // Ben sees only his own
    expect((await rig.as('ben-window').call('prompts.history', {})).items.map((i) => i.prompt)).toEqual(['Ben’s own prompt']);
  });
});
