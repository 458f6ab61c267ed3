import { afterEach, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, data, failure, inviteAndSignIn, setupFirstAdmin } from '../support/accounts';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

describe('theme per person', () => {
  it('keeps each person’s theme with their account, across sign-out, and never shares it', async () => {
    t = await startTestCore();
    const ada = await setupFirstAdmin(t, 'ada@lab.example', 'pc-1');
    const ben = await inviteAndSignIn(t, 'pc-1', 'ben@lab.example', { transport: 'pc-2' });
    expect(data(await t.call('pc-1', 'auth.me')).theme).toBe('system');

    expect(data(await t.call('pc-1', 'auth.set_theme', { theme: 'dark' })).theme).toBe('dark');
    expect(data(await t.call(ben.transport, 'auth.me')).theme).toBe('system');
    data(await t.call(ben.transport, 'auth.set_theme', { theme: 'light' }));

    // the same window, one person after the other: each gets their own at sign-in
    data(await t.call('pc-1', 'auth.logout'));
    expect(data(await t.call('pc-1', 'auth.login', { email: ben.email, password: GOOD_PASSWORD })).theme).toBe('light');
    data(await t.call('pc-1', 'auth.logout'));
    expect(data(await t.call('pc-1', 'auth.login', { email: ada.email, password: GOOD_PASSWORD })).theme).toBe('dark');

    expect(data(await t.call('pc-1', 'auth.set_theme', { theme: 'system' })).theme).toBe('system');
    expect(t.core.services.db.$client.prepare('SELECT theme FROM user WHERE email = ?').get(ada.email)).toEqual({ theme: null });
  });

  it('refuses an unknown theme and a signed-out caller', async () => {
    t = await startTestCore();
    await setupFirstAdmin(t, 'ada@lab.example', 'pc-1');
    expect(failure(await t.raw('pc-1', 'auth.set_theme', { theme: 'neon' })).code).toBe('VALIDATION_FAILED');
    expect(failure(await t.call('pc-9', 'auth.set_theme', { theme: 'dark' })).code).toBe('UNAUTHENTICATED');
  });
});

describe('first-run checklist', () => {
  it('is shown to the first admin until they dismiss it, and never to people they invite', async () => {
    t = await startTestCore();
    await setupFirstAdmin(t, 'ada@lab.example', 'pc-1');
    expect(data(await t.call('pc-1', 'auth.me')).setupChecklist).toBe(true);
    const bob = await inviteAndSignIn(t, 'pc-1', 'bob@lab.example', { role: 'admin', transport: 'pc-2' });
    expect(data(await t.call(bob.transport, 'auth.me')).setupChecklist).toBe(false);
    const kim = await inviteAndSignIn(t, 'pc-1', 'kim@lab.example', { transport: 'pc-3' });
    expect(failure(await t.call(kim.transport, 'auth.dismiss_setup_checklist')).code).toBe('FORBIDDEN');

    expect(data(await t.call('pc-1', 'auth.dismiss_setup_checklist')).setupChecklist).toBe(false);
    data(await t.call('pc-1', 'auth.logout'));
    expect(data(await t.call('pc-1', 'auth.login', { email: 'ada@lab.example', password: GOOD_PASSWORD })).setupChecklist).toBe(false);
  });
});
