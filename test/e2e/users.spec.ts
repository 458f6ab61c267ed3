import './support/window';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

interface Listed {
  email: string;
  isActive: boolean;
  signedInNow: boolean;
}

/** What main says about the accounts, asked from the admin's own window (not what the screen shows). */
async function accountsInMain(page: Page): Promise<Record<string, Listed>> {
  const envelope = await page.evaluate(() => window.studio!.request('users.list', {}));
  if (!envelope.ok) throw new Error(envelope.error.message);
  const items = (envelope.data as { items: Listed[] }).items;
  return Object.fromEntries(items.map((u) => [u.email, u]));
}

test('a reset and a bulk deactivate do nothing until confirmed', async ({ page, context, browser, request, harness }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.url });
  await seedPeople(request, harness, [
    { email: 'ada@lab.org', role: 'admin' },
    { email: 'ben@lab.org', managedBy: ['ada@lab.org'] },
    { email: 'cy@lab.org', managedBy: ['ada@lab.org'] },
    { email: 'dee@lab.org', managedBy: ['ada@lab.org'] },
  ]);
  const ben = await (await browser.newContext()).newPage();
  await signIn(ben, harness.url, 'ben@lab.org');
  await signIn(page, harness.url, 'ada@lab.org');
  await openPage(page, 'Users');
  await expect(page.getByRole('row', { name: /ben@lab\.org/ })).toContainText('signed in now');

  // reset: the confirmation names Ben and the consequence; focus starts on Cancel
  await page
    .getByRole('row', { name: /ben@lab\.org/ })
    .getByText('Actions')
    .click();
  const resetBen = page.getByRole('button', { name: 'Reset password of ben@lab.org' });
  await resetBen.click();
  const ask = page.getByRole('dialog', { name: 'Reset the password of ben@lab.org?' });
  await expect(ask).toContainText('ben@lab.org is signed in now: they will be signed out and need the new setup code to sign in again.');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter'); // Enter by reflex lands on Cancel
  await expect(ask).toHaveCount(0);
  await expect(resetBen).toBeFocused();
  await resetBen.click();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  expect((await accountsInMain(page))['ben@lab.org']).toMatchObject({ isActive: true, signedInNow: true });
  await openPage(ben, 'Gallery');
  await expect(ben.getByTestId('signed-in-email')).toHaveText('ben@lab.org');

  // confirmed: Ben is signed out, and the new code is shown
  await resetBen.click();
  await ask.getByRole('button', { name: 'Reset password', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'New setup code' }).getByTestId('setup-code')).toBeVisible();
  await expect(ben.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect((await accountsInMain(page))['ben@lab.org']).toMatchObject({ signedInNow: false });
  await page.getByRole('dialog', { name: 'New setup code' }).getByRole('button', { name: 'Copy the setup code for ben@lab.org' }).click();
  await page.getByRole('dialog', { name: 'New setup code' }).getByRole('button', { name: 'Done' }).click();
  await expect(resetBen).toBeFocused();

  // bulk deactivate: the list of people, then nothing until confirmed
  await page.getByLabel('Select cy@lab.org').check();
  await page.getByLabel('Select dee@lab.org').check();
  await page.getByRole('button', { name: 'Deactivate selected…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Deactivate 2 accounts?' });
  await expect(bulk.getByRole('listitem')).toHaveText([
    'cy@lab.org cannot sign in until reactivated.',
    'dee@lab.org cannot sign in until reactivated.',
  ]);
  await expect(bulk.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(bulk).toHaveCount(0);
  const before = await accountsInMain(page);
  expect([before['cy@lab.org']?.isActive, before['dee@lab.org']?.isActive]).toEqual([true, true]);

  await page.getByRole('button', { name: 'Deactivate selected…' }).click();
  await bulk.getByRole('button', { name: 'Deactivate 2 accounts', exact: true }).click();
  await expect(page.getByRole('row', { name: /dee@lab\.org/ })).toContainText('Inactive');
  const after = await accountsInMain(page);
  expect([after['cy@lab.org']?.isActive, after['dee@lab.org']?.isActive]).toEqual([false, false]);
});

test('Escape on setup codes not yet copied or printed asks first; a printed sheet per person, black on white', async ({
  page,
  request,
  harness,
}, testInfo) => {
  test.setTimeout(90_000);
  await seedPeople(request, harness, [{ email: 'ada@lab.org', role: 'admin' }]);
  await signIn(page, harness.url, 'ada@lab.org');
  await openPage(page, 'Users');
  const opener = page.getByRole('button', { name: 'Invite people' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Invite people' });
  await dialog.getByLabel('Email addresses').fill('kim@lab.org\nnot-an-email');
  await expect(dialog.getByText('Not an email address: not-an-email. Correct or remove it to invite.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Invite 2' })).toBeDisabled();
  await dialog.getByLabel('Email addresses').fill('kim@lab.org\nlee@lab.org');
  await dialog.getByRole('button', { name: 'Invite 2' }).click();
  await expect(dialog.getByTestId('setup-code')).toHaveCount(2);

  await page.keyboard.press('Escape');
  const guard = page.getByRole('dialog', { name: 'Discard the setup codes?' });
  await expect(guard).toContainText('2 setup codes have not been copied or printed: kim@lab.org, lee@lab.org.');
  await expect(guard.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape'); // Escape in the question keeps the codes
  await expect(guard).toHaveCount(0);
  await expect(dialog.getByTestId('setup-code')).toHaveCount(2);

  // print: window.print() is replaced to see it called; the print view is emulated
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await dialog.getByRole('button', { name: 'Print a sheet per person' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  const sheets = page.getByTestId('setup-code-sheets');
  await expect(sheets.getByRole('article')).toHaveCount(2);
  await expect(sheets.getByRole('article', { name: 'Setup sheet for kim@lab.org' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeHidden();
  const look = await sheets.evaluate((el) => {
    const s = getComputedStyle(el.querySelector('article')!);
    return { color: s.color, background: s.backgroundColor, breakAfter: s.breakAfter };
  });
  expect(look).toEqual({ color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)', breakAfter: 'page' });
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await page.screenshot({ path: testInfo.outputPath('setup-sheets-print-dark.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });

  // printed: Escape closes without asking, and focus is back on "Invite people"
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(guard).toHaveCount(0);
  await expect(opener).toBeFocused();
});
