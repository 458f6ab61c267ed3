import fs from 'node:fs';
import path from 'node:path';
import './support/window';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, type RunningHarness, test } from './support/harness';
import { openPage, type SeedUser, seedPeople, signIn } from './support/people';

/**
 * The gallery in Chromium through the harness. The harness's test controls seed the library
 * (thousands of items without generating them); people sign in through the real login screen.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

interface SeedBody {
  users: SeedUser[];
  items: { ownerEmail: string; count: number; promptPrefix?: string }[];
}

const seed = (request: APIRequestContext, harness: RunningHarness, body: SeedBody) => seedPeople(request, harness, body.users, body.items);

async function openGalleryAs(page: Page, harness: RunningHarness, email: string): Promise<void> {
  await signIn(page, harness.url, email);
  await openPage(page, 'Gallery');
  await expect(page.getByRole('heading', { name: 'Gallery', level: 1 })).toBeVisible();
}

const tiles = (page: Page) => page.getByTestId('media-tile');

test('a gallery of 5 000 items scrolls to the end with fewer than 200 tiles in the DOM at any time', async ({ page, request, harness }) => {
  test.setTimeout(180_000);
  await seed(request, harness, { users: [{ email: 'big@lab.org' }], items: [{ ownerEmail: 'big@lab.org', count: 5000 }] });
  await page.setViewportSize({ width: 1280, height: 800 });
  // watch the tile count on every DOM change, not just when the test looks
  await page.addInitScript(() => {
    (window as unknown as { maxTiles: number }).maxTiles = 0;
    new MutationObserver(() => {
      const w = window as unknown as { maxTiles: number };
      w.maxTiles = Math.max(w.maxTiles, document.querySelectorAll('[data-testid="media-tile"]').length);
    }).observe(document, { childList: true, subtree: true });
  });
  await openGalleryAs(page, harness, 'big@lab.org');
  await expect(tiles(page).first()).toBeVisible();
  // newest first: the last seeded item leads
  await expect(page.getByRole('button', { name: 'Image: Seeded item 4999', exact: true })).toBeVisible();

  const scroller = page.getByTestId('gallery-scroll');
  const end = page.getByText('End of the gallery · 5000 items');
  for (let step = 0; step < 400 && !(await end.isVisible()); step++) {
    await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight * 3));
    await page.waitForTimeout(20);
  }
  // every page is loaded; now to the very bottom, where the oldest item is
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(end).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Image: Seeded item 0000', exact: true })).toBeInViewport();
  const maxTiles = await page.evaluate(() => (window as unknown as { maxTiles: number }).maxTiles);
  expect(maxTiles).toBeGreaterThan(10);
  expect(maxTiles).toBeLessThan(200);
  expect(await tiles(page).count()).toBeLessThan(200);
});

test('the lightbox steps through items with the arrow keys and Esc returns to the tile', async ({ page, request, harness }) => {
  await seed(request, harness, { users: [{ email: 'kb@lab.org' }], items: [{ ownerEmail: 'kb@lab.org', count: 5, promptPrefix: 'Harbour study' }] });
  await openGalleryAs(page, harness, 'kb@lab.org');
  const first = page.getByRole('button', { name: 'Image: Harbour study 0004', exact: true });
  await first.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('details-prompt')).toHaveText('Harbour study 0004');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByTestId('details-prompt')).toHaveText('Harbour study 0003');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByTestId('details-prompt')).toHaveText('Harbour study 0002');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByTestId('details-prompt')).toHaveText('Harbour study 0003');
  await expect(dialog.getByRole('img', { name: 'Harbour study 0003' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Image: Harbour study 0003', exact: true })).toBeFocused();
});

test('Delete in the lightbox asks first, then removes the item for good', async ({ page, request, harness }) => {
  const seeded = await seed(request, harness, {
    users: [{ email: 'del@lab.org' }],
    items: [{ ownerEmail: 'del@lab.org', count: 3, promptPrefix: 'Draft' }],
  });
  await openGalleryAs(page, harness, 'del@lab.org');
  await page.getByRole('button', { name: 'Image: Draft 0002', exact: true }).click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Delete this item?');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog').getByTestId('details-prompt')).toHaveText('Draft 0001');
  await page.keyboard.press('Escape');
  await expect(tiles(page)).toHaveCount(2);
  const deletedId = seeded.items['del@lab.org']![2]!;
  expect(await page.evaluate(async (id) => (await fetch(`/media/${id}/original`)).status, deletedId)).toBe(404);
});

test('exporting a selection says how many files in plain English and names them by date and prompt', async ({ page, request, harness }) => {
  await seed(request, harness, { users: [{ email: 'exp@lab.org' }], items: [{ ownerEmail: 'exp@lab.org', count: 2, promptPrefix: 'Café at dusk' }] });
  await openGalleryAs(page, harness, 'exp@lab.org');
  const second = page.getByRole('checkbox', { name: 'Select Image: Café at dusk 0001' });
  const before = await second.boundingBox();
  await page.getByRole('checkbox', { name: 'Select Image: Café at dusk 0000' }).click();
  await expect(page.getByText('1 selected')).toBeVisible();
  // the selection bar floats over the grid: the next tile is still under the pointer
  expect(await second.boundingBox()).toEqual(before);
  await second.click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportsDir = path.join(harness.dataDir, 'exports');
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText(`Exported 2 files to ${exportsDir}${path.sep}`);
  const [folder] = fs.readdirSync(exportsDir);
  const names = fs.readdirSync(path.join(exportsDir, folder!)).map((n) => n.replace(/^\d{4}-\d{2}-\d{2}_/, 'DATE_'));
  expect(names.sort()).toEqual([
    'DATE_cafe-at-dusk-0000_1.json',
    'DATE_cafe-at-dusk-0000_1.png',
    'DATE_cafe-at-dusk-0001_1.json',
    'DATE_cafe-at-dusk-0001_1.png',
  ]);
});

test('a user never sees another user’s items, in the grid, in search or by URL', async ({ page, request, harness }) => {
  const seeded = await seed(request, harness, {
    users: [{ email: 'alice@lab.org' }, { email: 'bob@lab.org' }],
    items: [
      { ownerEmail: 'alice@lab.org', count: 3, promptPrefix: 'Alice private sketch' },
      { ownerEmail: 'bob@lab.org', count: 2, promptPrefix: 'Bob landscape' },
    ],
  });
  await openGalleryAs(page, harness, 'bob@lab.org');
  await expect(tiles(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: /Alice/ })).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search prompts' }).fill('Alice');
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
  const aliceItem = seeded.items['alice@lab.org']![0]!;
  const status = await page.evaluate(async (id) => {
    const original = await fetch(`/media/${id}/original`);
    const details = await window.studio!.request('media.get', { id });
    return { original: original.status, details: details.ok ? 'visible' : details.error.code };
  }, aliceItem);
  expect(status).toEqual({ original: 404, details: 'NOT_FOUND' });
  const own = seeded.items['bob@lab.org']![0]!;
  expect(await page.evaluate(async (id) => (await fetch(`/media/${id}/thumbnail`)).status, own)).toBe(200);
});

test('an admin sees a managed user’s item with the owner’s email and workstation', async ({ page, request, harness }) => {
  await seed(request, harness, {
    users: [{ email: 'admin@lab.org', role: 'admin' }, { email: 'carol@lab.org', managedBy: ['admin@lab.org'] }, { email: 'dave@lab.org' }],
    items: [
      { ownerEmail: 'carol@lab.org', count: 1, promptPrefix: 'Carol poster' },
      { ownerEmail: 'dave@lab.org', count: 1, promptPrefix: 'Dave unmanaged' },
    ],
  });
  await openGalleryAs(page, harness, 'admin@lab.org');
  await expect(tiles(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Image: Carol poster 0000', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('details-owner')).toHaveText('carol@lab.org');
  await expect(dialog.getByTestId('details-workstation')).toContainText('lab-pc-07');
  await page.keyboard.press('Escape');
  // the user filter finds the people the admin manages, not the others
  await page.getByRole('combobox', { name: 'User' }).click();
  await expect(page.getByRole('listbox', { name: 'User' }).getByRole('option')).toHaveText(['Everyone I manage', 'admin@lab.org', 'carol@lab.org']);
  await page.getByRole('option', { name: 'carol@lab.org' }).click();
  await expect(page.getByRole('combobox', { name: 'User' })).toHaveValue('carol@lab.org');
  await expect(tiles(page)).toHaveCount(1);
});
