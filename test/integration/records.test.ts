import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/clock';
import { userManager } from '../../src/main/db/schema';
import { auditSentence } from '../../src/shared/domain/auditSentences';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';
import { insertJobRow } from '../support/jobRows';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

let rig: GenerationRig | undefined;
let t: TestCore | undefined;
afterEach(async () => {
  await rig?.close();
  await t?.cleanup();
  rig = undefined;
  t = undefined;
});

const iso = { time: (ms: number) => new Date(ms).toISOString() };

describe('the generation log', () => {
  it("shows a blocked prompt and a succeeded image to the person's admin, and not to another admin", async () => {
    rig = await startGenerationRig();
    const db = rig.core.services.db;
    const ada = seedUser(rig.core, { email: 'ada@lab.org', role: 'admin' });
    const bob = seedUser(rig.core, { email: 'bob@lab.org', role: 'admin' });
    db.insert(userManager).values({ adminId: ada, userId: rig.userId, createdAt: rig.clock.now() }).run();
    signInAs(rig.core, 'ada', ada);
    signInAs(rig.core, 'bob', bob);

    const blocked = await rig.ok('generation.image.create', { prompt: 'A fox in a henhouse [block]' });
    rig.clock.advance(1000);
    const made = await rig.ok('generation.image.create', { prompt: 'A calm lighthouse at dusk' });
    await rig.settle();

    const seen = await rig.call('ada', 'generation.log.list', { limit: 50 });
    expect(seen.ok).toBe(true);
    if (!seen.ok) return;
    expect(seen.data.items.map((e) => [e.id, e.outcome, e.person.email, e.prompt])).toEqual([
      [made.jobIds[0], 'succeeded', 'maker@lab.org', 'A calm lighthouse at dusk'],
      [blocked.jobIds[0], 'blocked', 'maker@lab.org', 'A fox in a henhouse [block]'],
    ]);
    expect(seen.data.items[0]).toMatchObject({
      kind: 'image',
      model: { id: 'gemini-nano-banana-2.1', label: 'Nano Banana 2.1' },
      units: 1,
      workstation: { hostName: 'lab-pc-07', osUser: 'student' },
    });
    expect(seen.data.items[1]).toMatchObject({ errorCode: 'CONTENT_BLOCKED' });

    // blocked prompts are one filter away; words in the prompt find an attempt
    const onlyBlocked = await rig.call('ada', 'generation.log.list', { outcome: 'blocked' });
    expect(onlyBlocked.ok && onlyBlocked.data.items.map((e) => e.id)).toEqual([blocked.jobIds[0]]);
    const byWords = await rig.call('ada', 'generation.log.list', { text: 'LIGHTHOUSE' });
    expect(byWords.ok && byWords.data.items.map((e) => e.id)).toEqual([made.jobIds[0]]);
    const videos = await rig.call('ada', 'generation.log.list', { kind: 'video' });
    expect(videos.ok && videos.data.items).toEqual([]);

    // another admin sees nothing of a person they do not manage, and cannot ask for them by id
    const other = await rig.call('bob', 'generation.log.list', {});
    expect(other.ok && other.data.items).toEqual([]);
    expect(await rig.call('bob', 'generation.log.list', { userId: rig.userId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // and a plain user cannot read the log at all
    expect(await rig.call(rig.window, 'generation.log.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  // 25 attempts are found through the person index; 5 030 are walked in time order (generationLog.ts)
  it.each([
    [25, 7, 4],
    [5_030, 200, 26],
  ])('pages stably through %i attempts: every one exactly once, in order, while new attempts arrive', async (count, limit, expectedPages) => {
    t = await startTestCore();
    const ada = seedUser(t.core, { email: 'ada@lab.org', role: 'admin' });
    const cara = seedUser(t.core, { email: 'cara@lab.org', managedBy: [ada] });
    signInAs(t.core, 'ada', ada);
    const db = t.core.services.db;
    const base = Date.UTC(2026, 10, 20, 9);
    // several attempts share a millisecond (ties are broken by id)
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const id = `job-${String(i).padStart(5, '0')}`;
        insertJobRow(db, { id, userId: i % 2 ? cara : ada, createdAt: base + Math.floor(i / 3) * 1000 });
        ids.push(id);
      }
    });
    const expected = [...ids].reverse();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.call('ada', 'generation.log.list', { limit, ...(cursor ? { cursor } : {}) });
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.data.items.map((e) => e.id));
      cursor = page.data.nextCursor ?? undefined;
      if (pages === 0) insertJobRow(db, { id: 'job-new', userId: cara, createdAt: base + count * 1000 }); // newer than all: belongs before page 1
      pages++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(expectedPages);
    expect(await t.raw('ada', 'generation.log.list', { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it("filters by the workstation's calendar dates", async () => {
    t = await startTestCore({ clock: new ManualClock(Date.UTC(2026, 10, 26, 9), 'Europe/Berlin') });
    const ada = seedUser(t.core, { email: 'ada@lab.org', role: 'admin' });
    signInAs(t.core, 'ada', ada);
    const db = t.core.services.db;
    insertJobRow(db, { id: 'late-25th', userId: ada, createdAt: Date.UTC(2026, 10, 25, 22, 59) }); // 23:59 on the 25th in Berlin
    insertJobRow(db, { id: 'early-26th', userId: ada, createdAt: Date.UTC(2026, 10, 25, 23, 0) }); // 00:00 on the 26th in Berlin
    const day = await t.call('ada', 'generation.log.list', { from: '2026-11-26', to: '2026-11-26' });
    expect(day.ok && day.data.items.map((e) => e.id)).toEqual(['early-26th']);
  });
});

describe('the audit log in sentences', () => {
  it('reads a quota change as a sentence with both emails', async () => {
    t = await startTestCore();
    const ada = seedUser(t.core, { email: 'ada@lab.org', role: 'admin' });
    const cara = seedUser(t.core, { email: 'cara@lab.org', managedBy: [ada] });
    signInAs(t.core, 'ada', ada);
    const set = (period: 'weekly' | 'monthly', limit: number) =>
      t!.call('ada', 'quotas.set', { userIds: [cara], policies: { video: { period, limit } } });
    expect((await set('weekly', 3)).ok).toBe(true);
    expect((await set('monthly', 12)).ok).toBe(true);
    const log = await t.call('ada', 'audit.list', { action: 'quotas' });
    if (!log.ok) throw new Error(log.error.message);
    expect(log.data.items.map((e) => auditSentence(e, iso))).toEqual([
      "ada@lab.org changed cara@lab.org's video quota from 3 a week to 12 a month.",
      "ada@lab.org changed cara@lab.org's video quota from 10 a day (the default) to 3 a week.",
    ]);
  });
});

describe('the usage report', () => {
  it("has one row per person, a totals line, a per-model split and days on the workstation's calendar", async () => {
    t = await startTestCore({ clock: new ManualClock(Date.UTC(2026, 10, 26, 9), 'Europe/Berlin') });
    const ada = seedUser(t.core, { email: 'ada@lab.org', role: 'admin' });
    const cara = seedUser(t.core, { email: 'cara@lab.org', managedBy: [ada] });
    const dan = seedUser(t.core, { email: 'dan@lab.org', managedBy: [ada] });
    const outsider = seedUser(t.core, { email: 'zed@lab.org' });
    signInAs(t.core, 'ada', ada);
    const { db, quotaLedger, clock } = t.core.services;
    const charge = (id: string, userId: string, at: number, more: Parameters<typeof insertJobRow>[1] extends infer R ? Partial<R> : never = {}) => {
      (clock as ManualClock).set(at);
      insertJobRow(db, { id, userId, createdAt: at, ...more });
      quotaLedger.reserve({ userId, kind: more.kind ?? 'image', units: more.units ?? 1, jobId: id });
      quotaLedger.commit(id);
    };
    // Berlin is UTC+1 in November: 23:30 UTC on the 25th is 00:30 on the 26th there
    charge('c1', cara, Date.UTC(2026, 10, 25, 23, 30), { actualCostMicros: 39_000 });
    charge('c2', cara, Date.UTC(2026, 10, 26, 12), { model: 'gemini-3-pro-image', estimatedCostMicros: 134_000 });
    charge('c3', cara, Date.UTC(2026, 10, 27, 10), { kind: 'video', model: 'veo-3.1-generate-preview', actualCostMicros: 3_200_000 });
    charge('d1', dan, Date.UTC(2026, 10, 26, 22, 59), { kind: 'edit' }); // 23:59 on the 26th: inside, no cost known
    charge('out1', dan, Date.UTC(2026, 10, 25, 22, 59)); // 23:59 on the 25th: before the range
    charge('out2', dan, Date.UTC(2026, 10, 27, 23, 0)); // 00:00 on the 28th: after it
    charge('z1', outsider, Date.UTC(2026, 10, 26, 12)); // not Ada's to see
    (clock as ManualClock).set(Date.UTC(2026, 10, 28, 9));
    signInAs(t.core, 'ada', ada); // a fresh session after the clock's jump

    const result = await t.call('ada', 'quotas.usage_report', { from: '2026-11-26', to: '2026-11-27' });
    if (!result.ok) throw new Error(result.error.message);
    const r = result.data;
    expect(r.people.map((p) => p.email)).toEqual(['ada@lab.org', 'cara@lab.org', 'dan@lab.org']);
    const row = (email: string) => r.people.find((p) => p.email === email)!;
    expect([row('cara@lab.org').kinds.image.charged, row('cara@lab.org').kinds.video.charged, row('cara@lab.org').costMicros]).toEqual([
      2, 1, 3_373_000,
    ]);
    expect([row('dan@lab.org').kinds.edit.charged, row('dan@lab.org').kinds.image.charged, row('dan@lab.org').costMicros]).toEqual([1, 0, null]);
    expect(r.totals).toEqual({
      kinds: { image: { charged: 2, costMicros: 173_000 }, edit: { charged: 1, costMicros: null }, video: { charged: 1, costMicros: 3_200_000 } },
      costMicros: 3_373_000,
    });
    expect(r.models.map((m) => [m.email, m.kind, m.label, m.charged, m.costMicros])).toEqual([
      ['cara@lab.org', 'image', 'Nano Banana 2.1', 1, 39_000],
      ['cara@lab.org', 'image', 'Nano Banana Pro (Gemini 3 Pro Image)', 1, 134_000],
      ['cara@lab.org', 'video', 'Veo 3.1', 1, 3_200_000],
      ['dan@lab.org', 'edit', 'Nano Banana 2.1', 1, null],
    ]);
    expect(r.days).toEqual([
      { date: '2026-11-26', image: 2, edit: 1, video: 0 },
      { date: '2026-11-27', image: 0, edit: 0, video: 1 },
    ]);
  });
});
