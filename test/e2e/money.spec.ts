import './support/window';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/** Money where people decide (docs/models-and-money.md): the estimate beside Generate, spend on the Profile, cost on an item. */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

test('the estimate beside Generate follows size, count and resolution; the Profile and the item show what it cost', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'mo@lab.org' }]);
  await signIn(page, harness.url, 'mo@lab.org');

  // Nano Banana 2.1 (the default): $0.0336 an image at 1K, $0.1134 at 4K
  const estimate = page.getByTestId('estimate');
  await expect(estimate).toHaveText('≈ $0.03 for 1 image (estimate)');
  await page.getByLabel('Images', { exact: true }).selectOption('4');
  await expect(estimate).toHaveText('≈ $0.13 for 4 images (estimate)');
  await page.getByLabel('Size').selectOption('4K');
  await expect(estimate).toHaveText('≈ $0.45 for 4 images (estimate)');
  // it stands beside the button, before anything is sent
  await expect(page.getByRole('button', { name: 'Generate 4 images' })).toBeVisible();

  await openPage(page, 'Video');
  const video = page.getByTestId('estimate');
  await expect(video).toContainText('for a video');
  const before = await video.textContent();
  await page.getByLabel('Resolution').selectOption('1080p');
  await expect(video).not.toHaveText(before ?? '');
  await expect(video).toContainText('≈ $1.20 for a video');

  // one image made: Google reports 1 290 image tokens at $30 per million = $0.0387
  await openPage(page, 'Image');
  // the page kept its draft (4K) across the visit to Video: back to one image at 1K
  await page.getByLabel('Images', { exact: true }).selectOption('1');
  await page.getByLabel('Size').selectOption('1K');
  await page.getByLabel('Prompt').fill('A red kite over dunes');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await expect(page.getByTestId('job-result').and(page.locator('[data-status="succeeded"]'))).toHaveCount(1);
  await expect(page.getByTestId('spend-line')).toHaveText('$0.04 spent this month (no budget)');

  await openPage(page, 'Profile');
  const quotas = page.getByRole('region', { name: 'Your quotas' });
  await expect(quotas.getByTestId('quota-meter-spend')).toContainText('No budget; $0.04 spent this month.');

  // the item's details: what Google's usage says it cost, and the estimate it was sent at
  await openPage(page, 'Gallery');
  await page.getByRole('button', { name: 'Image: A red kite over dunes', exact: true }).click();
  await expect(page.getByRole('dialog').getByTestId('details-cost')).toHaveText('$0.04 (estimated $0.03)');
});
