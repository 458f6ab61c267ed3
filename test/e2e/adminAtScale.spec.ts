import './support/window';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { SEEDED_PASSWORD, openPage, seedPeople, signIn } from './support/people';

/**
 * Running a site (docs/accounts.md, docs/renderer.md): the Users page at 2 000 accounts, the idle
 * warning, each person's own theme and the first admin's checklist.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const MAX_ROWS = 200;

/** The accounts table's rows in the document (header rows included; the virtual spacers are hidden). */
async function rowsInDocument(table: Locator): Promise<number> {
  return table.getByRole('row').count();
}

async function firstAccount(table: Locator): Promise<string> {
  return (await table.getByRole('row').nth(2).getByRole('cell').nth(1).innerText()).split('\n')[0]!;
}

test('Users with 2 000 accounts scrolls to the last one and sorts, never with more than 200 rows in the page', async ({ page, request, harness }) => {
  test.setTimeout(180_000);
  await seedPeople(request, harness, [{ email: 'ada@school.example', role: 'admin' }]);
  const seeded = await request.post(`${harness.url}__test/seed-accounts`, { data: { managedBy: 'ada@school.example', count: 2000 } });
  expect(seeded.ok(), await seeded.text()).toBe(true);

  await signIn(page, harness.url, 'ada@school.example');
  await openPage(page, 'Users');
  await expect(page).toHaveTitle('Users — Gemini Media Studio');
  const table = page.getByRole('table', { name: 'Accounts' });
  await expect(page.getByText('2001 accounts')).toBeVisible();
  await expect(table.getByRole('row', { name: /user-0000@school\.example/ })).toBeVisible();
  expect(await rowsInDocument(table)).toBeLessThanOrEqual(MAX_ROWS);

  // scroll to the end: pages load as the end comes into view, the document keeps only what is near
  const last = table.getByRole('row', { name: /user-1999@school\.example/ });
  for (let i = 0; i < 60 && !(await last.isVisible()); i++) {
    await table.hover();
    await page.mouse.wheel(0, 4000);
    expect(await rowsInDocument(table)).toBeLessThanOrEqual(MAX_ROWS);
  }
  await expect(last).toBeVisible();
  expect(await rowsInDocument(table)).toBeLessThanOrEqual(MAX_ROWS);
  await expect(table.getByRole('row', { name: /user-0000@school\.example/ })).toHaveCount(0);

  // sort by last sign-in (newest first), then by status: main orders, the first row follows
  await table.getByRole('button', { name: /Last sign-in/ }).click();
  await expect(table.getByRole('columnheader', { name: /Last sign-in/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => firstAccount(table)).toBe('ada@school.example');
  await table.getByRole('button', { name: /Last sign-in/ }).click();
  await expect(table.getByRole('columnheader', { name: /Last sign-in/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('row').nth(2)).toContainText('never');
  await table.getByRole('button', { name: /Quota use/ }).click();
  await expect(table.getByRole('columnheader', { name: /Quota use/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(2)).toContainText('46 / 50');
  expect(await rowsInDocument(table)).toBeLessThanOrEqual(MAX_ROWS);

  // filter and select every matching account, not only those on screen
  await page.getByLabel('Status').selectOption('awaiting-setup');
  await expect(page.getByText('286 accounts')).toBeVisible();
  await expect(table.getByRole('row').nth(2)).toContainText('code expires');
  // main is asked for every matching account first, so the box is ticked once they are all known
  await table.getByLabel('Select all 286 matching accounts').click();
  await expect(table.getByLabel('Select all 286 matching accounts')).toBeChecked();
  await expect(page.getByRole('region', { name: 'Selected accounts' })).toContainText('286 selected');
  await page.getByRole('button', { name: 'Reset passwords of selected…' }).click();
  const ask = page.getByRole('dialog', { name: 'Reset the passwords of 286 accounts?' });
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await ask.getByRole('button', { name: 'Cancel' }).click();
});

async function setIdleTimeout(page: Page, minutes: number): Promise<void> {
  await openPage(page, 'Settings');
  await page.getByLabel('Sign out after inactivity (minutes)').fill(String(minutes));
  await page.getByRole('button', { name: 'Save session and job settings' }).click();
  await expect(page.getByRole('button', { name: 'Save session and job settings' })).toBeDisabled();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(SEEDED_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-email')).toHaveText(email);
}

test('a minute before the idle sign-out a warning asks; "Stay signed in" keeps the session and what was typed', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await seedPeople(request, harness, [{ email: 'ada@lab.org', role: 'admin' }]);
  await signIn(page, harness.url, 'ada@lab.org');
  await setIdleTimeout(page, 5);
  await signOut(page);
  await signInHere(page, 'ada@lab.org');
  await openPage(page, 'Image');
  await page.getByLabel('Prompt').fill('A fox in the snow');

  const advanceMain = async (minutes: number) => {
    const moved = await request.post(`${harness.url}__test/clock/advance`, { data: { ms: minutes * 60_000 } });
    expect(moved.ok()).toBe(true);
  };
  await advanceMain(4);
  await page.clock.fastForward('04:01');
  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/signed out in \d+ seconds/);
  await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByLabel('Prompt')).toHaveValue('A fox in the snow');

  // 8 minutes after the last activity before the warning, 4 after "Stay": still signed in (timeout 5)
  await advanceMain(4);
  await openPage(page, 'Users');
  await expect(page.getByRole('table', { name: 'Accounts' }).getByRole('row', { name: /ada@lab\.org/ })).toBeVisible();
  await expect(page.getByTestId('signed-in-email')).toHaveText('ada@lab.org');

  // and without anyone there, the sign-out comes as announced
  await advanceMain(6);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('the theme is each person’s own: A’s dark is not B’s, and the sign-in screen follows the computer', async ({ page, request, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'ana@lab.org' }, { email: 'ben@lab.org' }]);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'system');

  await signIn(page, harness.url, 'ana@lab.org');
  await openPage(page, 'Profile');
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  expect(await theme()).toBe('dark');
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  // kept by main with the account, not in this browser
  await expect
    .poll(() => page.evaluate(() => window.studio!.request('auth.me', {}).then((r) => (r.ok ? (r.data as { theme: string }).theme : null))))
    .toBe('dark');
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await signOut(page);
  expect(await theme()).toBe('system');

  await signInHere(page, 'ben@lab.org');
  expect(await theme()).toBe('system');
  await openPage(page, 'Profile');
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'System' })).toBeChecked();
  await signOut(page);

  await signInHere(page, 'ana@lab.org');
  await expect.poll(theme).toBe('dark');
});

test('after the first admin is created, a checklist names the next steps until it is dismissed', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page).toHaveTitle('Create the first admin — Gemini Media Studio');
  await page.getByLabel('Email').fill('root@lab.org');
  await page.getByLabel('Password', { exact: true }).fill(SEEDED_PASSWORD);
  await page.getByLabel('Confirm password').fill(SEEDED_PASSWORD);
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  const checklist = page.getByRole('region', { name: 'Get the studio ready' });
  await expect(checklist).toBeVisible();
  await expect(checklist).toContainText('Set the Gemini API key');
  await expect(checklist).toContainText('18 and over');
  await expect(checklist).toContainText('Invite people');
  await expect(checklist).toContainText('Check the default quotas');
  await checklist.getByRole('button', { name: 'Open Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await checklist.getByRole('button', { name: 'Dismiss checklist' }).click();
  await expect(checklist).toHaveCount(0);

  await signOut(page);
  await signInHere(page, 'root@lab.org');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Get the studio ready' })).toHaveCount(0);
});
