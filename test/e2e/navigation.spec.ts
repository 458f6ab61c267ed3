import './support/window';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { openPage, SEEDED_PASSWORD, seedPeople, signIn } from './support/people';

/**
 * The router in Chromium through the harness: pages and gallery views have addresses (in the hash),
 * the toast's "Open" lands on the new item by address, and history (back/forward, the mouse's side
 * buttons) moves between them. A session end must leave nothing of the last person's location.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

test('the toast’s Open lands on the new item: its address names the item and the lightbox shows it', async ({ page, request, harness }) => {
  await seedPeople(request, harness, [{ email: 'toast@lab.org' }], [{ ownerEmail: 'toast@lab.org', count: 3, promptPrefix: 'Older sketch' }]);
  await signIn(page, harness.url, 'toast@lab.org');
  await expect(heading(page, 'Image')).toBeVisible();
  await expect(page).toHaveURL(/#\/image$/);

  await page.getByLabel('Prompt').fill('A heron standing in fog');
  await page.getByRole('button', { name: 'Generate image' }).click();
  const toast = page.getByTestId('toast').filter({ hasText: 'Image ready: A heron standing in fog' });
  await expect(toast).toBeVisible();
  // on the Image page Open shows the item over the canvas (generatorCanvas.spec.ts); from elsewhere it is the gallery's address
  await openPage(page, 'Profile');
  await toast.getByRole('button', { name: 'Open' }).click();

  await expect(heading(page, 'Gallery')).toBeVisible();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('details-prompt')).toHaveText('A heron standing in fog');
  const itemId = new URL(page.url().replace('#/', '')).searchParams.get('item');
  expect(page.url()).toMatch(/#\/gallery\?item=/);
  expect(itemId).toBeTruthy();

  // the address alone opens the same view: typed into the location bar, it lands on the item again
  await page.goto(`${harness.url}#/profile`);
  await expect(heading(page, 'Profile')).toBeVisible();
  await page.goto(`${harness.url}#/gallery?item=${itemId}`);
  await expect(page.getByRole('dialog').getByTestId('details-prompt')).toHaveText('A heron standing in fog');

  // stepping replaces the entry; closing drops the item from the address
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog').getByTestId('details-prompt')).toHaveText('Older sketch 0002');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page).toHaveURL(/#\/gallery$/);
});

test('back and forward move between Image, Gallery and Image, with the gallery’s open item and filters', async ({ page, request, harness }) => {
  await seedPeople(request, harness, [{ email: 'hist@lab.org' }], [{ ownerEmail: 'hist@lab.org', count: 3, promptPrefix: 'Pier study' }]);
  await signIn(page, harness.url, 'hist@lab.org');
  await expect(heading(page, 'Image')).toBeVisible();
  await page.getByLabel('Prompt').fill('Unsent prompt');

  await openPage(page, 'Gallery');
  await expect(heading(page, 'Gallery')).toBeVisible();
  await expect(page).toHaveURL(/#\/gallery$/);
  await page.getByRole('button', { name: 'Image: Pier study 0001', exact: true }).click();
  await expect(page.getByRole('dialog').getByTestId('details-prompt')).toHaveText('Pier study 0001');
  await expect(page).toHaveURL(/#\/gallery\?item=/);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByLabel('Search prompts').fill('0002');
  await expect(page).toHaveURL(/#\/gallery\?q=0002$/);
  await expect(page.getByTestId('media-tile')).toHaveCount(1);

  await openPage(page, 'Image');
  await expect(heading(page, 'Image')).toBeVisible();
  await expect(page).toHaveURL(/#\/image$/);

  await page.goBack();
  await expect(heading(page, 'Gallery')).toBeVisible();
  await expect(page.getByLabel('Search prompts')).toHaveValue('0002');
  await expect(page.getByTestId('media-tile')).toHaveCount(1);
  await page.goBack();
  await expect(page).toHaveURL(/#\/gallery$/);
  await expect(page.getByTestId('media-tile')).toHaveCount(3);
  await page.goBack();
  await expect(heading(page, 'Image')).toBeVisible();
  await page.goForward();
  await expect(heading(page, 'Gallery')).toBeVisible();

  // the mouse's side buttons do the same (an Electron window does not map them by itself)
  const sideButton = (button: number) =>
    page.evaluate((b) => window.dispatchEvent(new MouseEvent('mouseup', { button: b, bubbles: true, cancelable: true })), button);
  await sideButton(3);
  await expect(heading(page, 'Image')).toBeVisible();
  await sideButton(4);
  await expect(heading(page, 'Gallery')).toBeVisible();
  await expect(page).toHaveURL(/#\/gallery$/);
});

test('after a sign-out the next person starts on the start page, and Back does not reopen the last person’s gallery view', async ({
  page,
  request,
  harness,
}) => {
  await seedPeople(
    request,
    harness,
    [{ email: 'first@lab.org' }, { email: 'second@lab.org' }],
    [{ ownerEmail: 'first@lab.org', count: 2, promptPrefix: 'Private draft' }],
  );
  await signIn(page, harness.url, 'first@lab.org');
  await openPage(page, 'Gallery');
  await page.getByLabel('Search prompts').fill('Private');
  await expect(page).toHaveURL(/q=Private/);
  await page.getByRole('button', { name: 'Image: Private draft 0001', exact: true }).click();
  await expect(page).toHaveURL(/item=/);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(page.url()).not.toMatch(/gallery|Private|item=/);
  await page.getByLabel('Email').fill('second@lab.org');
  await page.getByLabel('Password').fill(SEEDED_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-email')).toHaveText('second@lab.org');
  await expect(heading(page, 'Image')).toBeVisible();

  await page.goBack();
  await expect(heading(page, 'Image')).toBeVisible();
  expect(page.url()).not.toMatch(/Private|item=/);
  await openPage(page, 'Gallery');
  await expect(page.getByLabel('Search prompts')).toHaveValue('');

  // an address this person may not use, or that names no page, lands on the start page
  await page.goto(`${harness.url}#/admin/users`);
  await expect(heading(page, 'Image')).toBeVisible();
  await expect(page).toHaveURL(/#\/image$/);
  await page.goto(`${harness.url}#/no/such/page`);
  await expect(heading(page, 'Image')).toBeVisible();
  await expect(page).toHaveURL(/#\/image$/);
});

test('a reload signs out without the session-end clean-up: the location is reset all the same', async ({ page, request, harness }) => {
  await seedPeople(
    request,
    harness,
    [{ email: 'left@lab.org' }, { email: 'next@lab.org' }],
    [{ ownerEmail: 'left@lab.org', count: 1, promptPrefix: 'Left behind' }],
  );
  await signIn(page, harness.url, 'left@lab.org');
  await openPage(page, 'Gallery');
  await page.getByLabel('Search prompts').fill('Left');
  await expect(page).toHaveURL(/q=Left/);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page).not.toHaveURL(/gallery|Left/);
  await page.getByLabel('Email').fill('next@lab.org');
  await page.getByLabel('Password').fill(SEEDED_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(heading(page, 'Image')).toBeVisible();
  await expect(page).toHaveURL(/#\/image$/);
  await page.goBack();
  await expect(heading(page, 'Image')).toBeVisible();
  expect(page.url()).not.toMatch(/Left/);
});
