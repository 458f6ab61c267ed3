import './support/window';
import { expect, test } from './support/harness';
import { seedPeople, signIn } from './support/people';

/**
 * The queue and the tiles in the real renderer against the real core and the fake Gemini server:
 * the popover closes like a menu, a running job is cancelled from its tile, and a batch is one entry.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

test('the Jobs popover closes on Escape and on a click outside, with focus back on its button; a batch is one entry', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(90_000);
  await seedPeople(request, harness, [{ email: 'kai@lab.org' }]);
  await signIn(page, harness.url, 'kai@lab.org');
  await page.getByLabel('Prompt').fill('Three kites over a beach');
  await page.getByRole('combobox', { name: 'Images' }).selectOption('3');
  await page.getByRole('button', { name: 'Generate 3 images' }).click();
  await expect(page.locator('[data-testid="job-result"][data-status="succeeded"]')).toHaveCount(3);

  const jobs = page.getByRole('button', { name: /^Jobs/ });
  await jobs.click();
  const queue = page.getByRole('region', { name: 'Job queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await expect(queue.getByRole('listitem')).toContainText('3 of 3 images done');
  await expect(queue.getByRole('button', { name: /^Open image \d of 3 in the gallery/ })).toHaveCount(3);
  await queue.getByRole('button', { name: /^Open image 1 of 3/ }).focus();
  await page.keyboard.press('Escape');
  await expect(queue).toBeHidden();
  await expect(jobs).toBeFocused();
  await expect(jobs).toHaveAttribute('aria-expanded', 'false');

  await jobs.click();
  await expect(queue).toBeVisible();
  await page.getByText('Gemini Media Studio').click();
  await expect(queue).toBeHidden();
  await expect(jobs).toBeFocused();
});

test('a running image is cancelled from its tile: neutral, not red, and the quota unit comes back', async ({ page, request, harness }) => {
  test.setTimeout(90_000);
  await seedPeople(request, harness, [{ email: 'lea@lab.org' }]);
  await signIn(page, harness.url, 'lea@lab.org');
  // the header does not move when the Jobs button gains its counts
  const header = page.getByRole('banner');
  const place = async () => ({
    quotas: (await header.getByTestId('quota-remaining-image').boundingBox())!.x,
    email: (await header.getByTestId('signed-in-email').boundingBox())!.x,
  });
  const before = await place();
  await page.getByLabel('Prompt').fill('A lighthouse in a gale [hang]');
  await page.getByRole('button', { name: 'Generate image' }).click();
  const tile = page.getByTestId('job-result').filter({ hasText: 'A lighthouse in a gale' });
  await expect(tile).toHaveAttribute('data-status', 'running');
  await expect(tile).toContainText('Generating');
  await expect(page.getByRole('button', { name: /^Jobs/ })).toContainText('1 running');
  expect(await place()).toEqual(before);

  await tile.getByRole('button', { name: 'Cancel: A lighthouse in a gale [hang]' }).click();
  await expect(tile).toHaveAttribute('data-status', 'cancelled');
  await expect(tile).toHaveAttribute('data-tone', 'neutral');
  await expect(page.getByTestId('toast').filter({ hasText: 'Cancelled.' })).toHaveAttribute('data-tone', 'info');
  await expect(page.getByRole('button', { name: /^Jobs/ })).toHaveText('Jobs');
  await expect(page.getByTestId('quota-meter-image-used')).toContainText('0');
});
