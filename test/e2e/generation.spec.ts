import fs from 'node:fs';
import './support/window';
import type { Page } from '@playwright/test';
import { expect, launchHarness, test } from './support/harness';
import { openPage as nav, seedPeople as seedUsers, setDailyImageLimit, signIn } from './support/people';

/**
 * Generation end to end: the real renderer in Chromium, the real core in the harness, the real
 * SDK against the fake Gemini server. Accounts are seeded through the harness's test controls.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const results = (page: Page) => page.getByTestId('job-result');

test('generate two images, see them and the quota drop; a blocked prompt costs nothing; all still there after a restart', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await seedUsers(request, harness, [{ email: 'ana@lab.org' }]);
  await signIn(page, harness.url, 'ana@lab.org');
  await expect(page.getByRole('heading', { name: 'Image', level: 1 })).toBeVisible();
  await expect(page.getByTestId('quota-remaining-image')).toContainText('50');

  await page.getByLabel('Prompt').fill('Two lighthouses at dusk');
  await page.getByRole('combobox', { name: 'Images' }).selectOption('2');
  await page.getByRole('button', { name: 'Generate 2 images' }).click();
  await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(2);
  await expect(results(page).locator('img')).toHaveCount(2);
  expect(
    await results(page)
      .locator('img')
      .first()
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);
  await expect(page.getByTestId('quota-remaining-image')).toContainText('48');
  await expect(page.getByTestId('quota-meter-image-used')).toContainText('2');

  // Ctrl+Enter submits too; a blocked prompt says why and gives the unit back
  await page.getByLabel('Prompt').fill('something forbidden [block]');
  await page.getByRole('combobox', { name: 'Images' }).selectOption('1');
  await page.getByLabel('Prompt').press('Control+Enter');
  await expect(page.locator('[data-testid="job-result"][data-status="blocked"]')).toContainText(/safety filters blocked the prompt/);
  await expect(page.getByRole('status').getByText(/safety filters blocked the prompt/)).toBeVisible();
  await expect(page.getByTestId('quota-remaining-image')).toContainText('48');

  await nav(page, 'Gallery');
  await expect(page.getByTestId('media-tile')).toHaveCount(2);

  // quit and start again on the same data folder: the gallery is on disk, not in the window
  await harness.stop();
  const again = await launchHarness({ dataDir: harness.dataDir, env: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });
  try {
    await signIn(page, again.url, 'ana@lab.org');
    await nav(page, 'Gallery');
    await expect(page.getByTestId('media-tile')).toHaveCount(2);
    const thumb = page.getByTestId('media-tile').first().locator('img');
    await expect(thumb).toBeVisible();
    expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  } finally {
    await again.stop();
  }
});

test('a video goes from queued to done in the queue and plays; refining it links the new video to the first', async ({ page, request, harness }) => {
  test.setTimeout(120_000);
  await seedUsers(request, harness, [{ email: 'ben@lab.org' }]);
  await signIn(page, harness.url, 'ben@lab.org');
  await nav(page, 'Video');
  await expect(page.getByLabel('Model')).toHaveValue('gemini-omni-1.1-flash');
  await page.getByLabel('Prompt').fill('A paper boat on a rainy street');
  await page.getByLabel('Aspect ratio').selectOption('16:9');
  await page.getByRole('button', { name: 'Generate video' }).click();

  await page.getByRole('button', { name: /^Jobs/ }).click();
  const queue = page.getByRole('region', { name: 'Job queue' });
  await expect(queue.locator('[data-status="succeeded"]')).toHaveCount(1, { timeout: 30_000 });
  const player = results(page).locator('video').first();
  await expect(player).toBeVisible();
  const playable = await player.evaluate(async (video: HTMLVideoElement) => {
    video.muted = true;
    await video.play();
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { time: video.currentTime, duration: video.duration, width: video.videoWidth };
  });
  expect(playable.duration).toBeGreaterThan(1.5);
  expect(playable.width).toBe(320);
  expect(playable.time).toBeGreaterThan(0);

  await page.getByRole('region', { name: 'Continue a video' }).getByRole('button', { name: 'Refine' }).click();
  await page.getByLabel('Instruction').fill('make the sky stormier');
  await page.getByRole('button', { name: 'Generate video' }).click();
  // the queue closed like a menu at the click outside it; open it again
  await page.getByRole('button', { name: /^Jobs/ }).click();
  await expect(queue.locator('[data-status="succeeded"]')).toHaveCount(2, { timeout: 30_000 });

  await nav(page, 'Gallery');
  await expect(page.getByTestId('media-tile')).toHaveCount(2);
  await page
    .getByRole('button', { name: /make the sky stormier/ })
    .first()
    .click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('A paper boat on a rainy street');
});

test('an admin sets a managed user’s image quota to 2 a day; the user’s header shows it and the meter follows each image', async ({
  browser,
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await seedUsers(request, harness, [{ email: 'head@lab.org', role: 'admin' }]);
  await seedUsers(request, harness, [{ email: 'cleo@lab.org', managedBy: ['head@lab.org'] }]);
  await signIn(page, harness.url, 'head@lab.org');
  await setDailyImageLimit(page, 'cleo@lab.org', 2);

  const cleo = await (await browser.newContext()).newPage();
  await signIn(cleo, harness.url, 'cleo@lab.org');
  await expect(cleo.getByTestId('quota-remaining-image')).toContainText('2');
  await cleo.getByLabel('Prompt').fill('A small boat');
  await cleo.getByRole('button', { name: 'Generate image' }).click();
  await expect(cleo.getByTestId('quota-remaining-image')).toContainText('1');
  await expect(cleo.getByTestId('quota-meter-image-used')).toContainText('1');
  // two more cannot fit the one left: Generate says so before the click (main would refuse it too)
  await cleo.getByRole('combobox', { name: 'Images' }).selectOption('2');
  await expect(cleo.getByRole('button', { name: 'Generate 2 images' })).toBeDisabled();
  await expect(cleo.getByRole('status').filter({ hasText: '2 images asked, 1 left.' })).toBeVisible();
});

test('without an API key the generator says so up front, and a request is refused with the reason', async ({ page, request }) => {
  const keyless = await launchHarness({ fakeGemini: false, env: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });
  try {
    await seedUsers(request, keyless, [{ email: 'dan@lab.org' }]);
    await signIn(page, keyless.url, 'dan@lab.org');
    await expect(page.getByTestId('no-api-key')).toContainText('No Gemini API key is set');
    await page.getByLabel('Prompt').fill('A lighthouse');
    await page.getByRole('button', { name: 'Generate image' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'No Gemini API key is set. Ask an admin to add one in Settings.' })).toBeVisible();
    await expect(page.getByTestId('quota-remaining-image')).toContainText('50');
  } finally {
    await keyless.stop();
    fs.rmSync(keyless.dataDir, { recursive: true, force: true });
  }
});

test('a failed edit can be tried again from the queue: the generator comes back filled in, and nothing is sent until asked', async ({
  page,
  request,
  harness,
}) => {
  await seedUsers(request, harness, [{ email: 'eve@lab.org' }]);
  await signIn(page, harness.url, 'eve@lab.org');
  await page.getByLabel('Prompt').fill('A quiet harbour');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(1);

  await nav(page, 'Gallery');
  await page
    .getByRole('button', { name: /A quiet harbour/ })
    .first()
    .click();
  await page.getByRole('toolbar', { name: 'Item actions' }).getByRole('button', { name: /^Edit/ }).click();
  await expect(page.getByRole('heading', { name: 'Edit', level: 1 })).toBeVisible();
  await page.getByLabel('Instruction').fill('Add a storm [400]');
  await page.getByRole('button', { name: 'Apply edit' }).click();
  await expect(page.locator('[data-testid="job-result"][data-status="failed"]')).toContainText(/Google refused the request/);

  await page.getByRole('button', { name: /^Jobs/ }).click();
  await page.getByRole('region', { name: 'Job queue' }).getByRole('button', { name: 'Try again: Add a storm [400]' }).click();
  await expect(page.getByLabel('Instruction')).toHaveValue('Add a storm [400]');
  await expect(page.getByRole('group', { name: 'Source image' }).getByRole('listitem')).toHaveCount(1);
  // the source came back as an id; its thumbnail is asked of main
  await expect(page.getByRole('group', { name: 'Source image' }).locator('img')).toHaveCount(1);
  await expect(page.getByTestId('quota-meter-edit-used')).toContainText('0');
  await page.getByLabel('Instruction').fill('Add a storm');
  await page.getByRole('button', { name: 'Apply edit' }).click();
  await expect(page.locator('[data-testid="job-result"][data-status="succeeded"]')).toHaveCount(1);
});
