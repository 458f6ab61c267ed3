import { afterEach, describe, expect, it } from 'vitest';
import type { StudioEventName } from '../../src/shared/contract/events';
import type { ModelAccess } from '../../src/shared/domain/modelAccess';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

/**
 * `models.changed`: when what a person may generate with changes (their own model access, the
 * default they follow, the catalogue), main tells that person's windows, and nobody else's, so an
 * open generator can drop what is no longer allowed (docs/models-and-money.md, "Model access").
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const ONLY_NANO: ModelAccess = { models: ['gemini-nano-banana-2.1'], maxImageSize: null, maxVideoResolution: null };
const NO_4K_VIDEO: ModelAccess = { models: null, maxImageSize: null, maxVideoResolution: '1080p' };

/** Head manages Ann (two windows) and Ben; Cy is managed by another admin; every window records its models.changed. */
async function lab() {
  const core = (t = await startTestCore());
  const head = seedUser(core.core, { email: 'head@lab.org', role: 'admin' });
  const other = seedUser(core.core, { email: 'other@lab.org', role: 'admin' });
  const ann = seedUser(core.core, { email: 'ann@lab.org', managedBy: [head] });
  const ben = seedUser(core.core, { email: 'ben@lab.org', managedBy: [head] });
  const cy = seedUser(core.core, { email: 'cy@lab.org', managedBy: [other] });
  const windows = { head, other, ann, 'ann-2': ann, ben, cy } as const;
  const received = new Map<string, unknown[]>();
  for (const [window, userId] of Object.entries(windows)) {
    signInAs(core.core, window, userId);
    received.set(window, []);
    core.core.events.connect(window, (event: StudioEventName, payload) => {
      if (event === 'models.changed') received.get(window)!.push(payload);
    });
  }
  /** the windows that were told since the last look, each with the user ids they were told about */
  const told = () => {
    const seen = Object.fromEntries([...received].filter(([, payloads]) => payloads.length > 0).map(([w, payloads]) => [w, [...payloads]]));
    for (const payloads of received.values()) payloads.length = 0;
    return seen;
  };
  return { core, ids: { head, other, ann, ben, cy }, told };
}

const offered = async (core: TestCore, window: string) => (await core.as(window).call('generation.models.list')).models.map((m) => m.id);

describe('models.changed', () => {
  it("goes to the windows of each person whose access an admin set, and to no one else's", async () => {
    const { core, ids, told } = await lab();
    expect(await offered(core, 'ann')).toContain('gemini-3-pro-image');

    await core.as('head').call('users.model_access.set', { userIds: [ids.ann], access: ONLY_NANO });
    expect(told()).toEqual({ ann: [{ userId: ids.ann }], 'ann-2': [{ userId: ids.ann }] });
    // asked again, Ann's list is the new one
    expect(await offered(core, 'ann')).toEqual(['gemini-nano-banana-2.1']);

    // a batch tells each person in it; back to the default is a change too
    await core.as('head').call('users.model_access.set', { userIds: [ids.ann, ids.ben], access: null });
    expect(told()).toEqual({ ann: [{ userId: ids.ann }], 'ann-2': [{ userId: ids.ann }], ben: [{ userId: ids.ben }] });

    // a refused change (Cy is not Head's) tells nobody
    expect((await core.as('head').fail('users.model_access.set', { userIds: [ids.ben, ids.cy], access: ONLY_NANO })).code).toBe('FORBIDDEN');
    expect(told()).toEqual({});
  });

  it('a new default access goes to everyone who follows the default, not to those with their own', async () => {
    const { core, ids, told } = await lab();
    await core.as('head').call('users.model_access.set', { userIds: [ids.ann], access: ONLY_NANO });
    told();

    await core.as('head').call('settings.update', { defaultModelAccess: NO_4K_VIDEO });
    expect(told()).toEqual({
      head: [{ userId: ids.head }],
      other: [{ userId: ids.other }],
      ben: [{ userId: ids.ben }],
      cy: [{ userId: ids.cy }],
    });
    const veo = (await core.as('ben').call('generation.models.list')).models.filter((m) => m.family === 'veo');
    for (const m of veo) expect(m.capabilities.resolutions).not.toContain('4k');

    // another setting tells nobody about models
    await core.as('head').call('settings.update', { idleTimeoutMinutes: 45 });
    expect(told()).toEqual({});
  });

  it('a catalogue change goes to everyone signed in', async () => {
    const { core, told } = await lab();
    const { catalogue } = await core.as('head').call('settings.get');
    const models = catalogue.map(({ missing: _missing, ...m }) => (m.id === 'gemini-3-pro-image' ? { ...m, enabled: false } : m));
    await core.as('head').call('settings.models.update', { models });
    expect(Object.keys(told()).sort()).toEqual(['ann', 'ann-2', 'ben', 'cy', 'head', 'other']);
    expect(await offered(core, 'cy')).not.toContain('gemini-3-pro-image');
  });
});
