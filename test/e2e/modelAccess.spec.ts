import './support/window';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/**
 * Model access (docs/models-and-money.md): an admin takes 4K video away from one person in the
 * Users page; that person's Video page then does not offer 4K, while the admin's own still does.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

test('a person without permission for 4K video cannot choose it', async ({ browser, page, request, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'head@lab.org', role: 'admin' }]);
  await seedPeople(request, harness, [{ email: 'sam@lab.org', managedBy: ['head@lab.org'] }]);
  await signIn(page, harness.url, 'head@lab.org');

  await openPage(page, 'Users');
  await page.getByRole('button', { name: 'Quotas of sam@lab.org' }).click();
  const dialog = page.getByRole('dialog');
  const access = dialog.getByRole('form', { name: 'Model access' });
  await access.getByLabel('Access of their own').check();
  await access.getByLabel('Highest video resolution').selectOption('1080p');
  if (process.env.MODEL_ACCESS_SHOTS) {
    await access.getByLabel('Only these').check();
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await access.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${process.env.MODEL_ACCESS_SHOTS}/model-access-${size.width}-${scheme}.png` });
      }
    }
    await access.getByLabel('Every model the studio offers').check();
  }
  await access.getByRole('button', { name: 'Save model access' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Model access of sam@lab.org' })).toContainText('videos up to 1080p');

  const sam = await (await browser.newContext({ viewport: { width: 1024, height: 700 } })).newPage();
  await signIn(sam, harness.url, 'sam@lab.org');
  await openPage(sam, 'Video');
  await sam.getByLabel('Model').selectOption({ label: 'Veo 3.1 Fast' });
  const resolution = sam.getByRole('combobox', { name: 'Resolution' });
  await expect(resolution.locator('option')).toContainText(['720p', '1080p']);
  await expect(resolution.locator('option', { hasText: '4k' })).toHaveCount(0);

  // the admin, who follows the default, still has it
  await openPage(page, 'Video');
  await page.getByLabel('Model').selectOption({ label: 'Veo 3.1 Fast' });
  await expect(page.getByRole('combobox', { name: 'Resolution' }).locator('option', { hasText: '4k' })).toHaveCount(1);
});

test('an open Video page drops 4K the moment an admin takes it away, and says so, without a reload', async ({ browser, page, request, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'head@lab.org', role: 'admin' }]);
  await seedPeople(request, harness, [{ email: 'sam@lab.org', managedBy: ['head@lab.org'] }]);

  // Sam is mid-way through a 4K video
  const sam = await (await browser.newContext({ viewport: { width: 1024, height: 700 } })).newPage();
  await signIn(sam, harness.url, 'sam@lab.org');
  await openPage(sam, 'Video');
  await sam.getByLabel('Prompt').fill('Dunes at dawn');
  await sam.getByLabel('Model').selectOption({ label: 'Veo 3.1 Fast' });
  const resolution = sam.getByRole('combobox', { name: 'Resolution' });
  await resolution.selectOption('4k');

  // meanwhile, in another window, the admin allows Sam up to 1080p
  await signIn(page, harness.url, 'head@lab.org');
  await openPage(page, 'Users');
  await page.getByRole('button', { name: 'Quotas of sam@lab.org' }).click();
  const dialog = page.getByRole('dialog');
  const access = dialog.getByRole('form', { name: 'Model access' });
  await access.getByLabel('Access of their own').check();
  await access.getByLabel('Highest video resolution').selectOption('1080p');
  await access.getByRole('button', { name: 'Save model access' }).click();
  await expect(dialog).toHaveCount(0);

  // Sam's page follows at once: 4K is gone from the choices and from the form, in words
  await expect(resolution.locator('option', { hasText: '4k' })).toHaveCount(0);
  await expect(resolution).toHaveValue('');
  await expect(sam.getByRole('status').filter({ hasText: 'no longer available' })).toHaveText(
    "Resolution 4K is no longer available to you: the form now uses the model's default.",
  );
  await expect(sam.getByLabel('Model')).toHaveValue('veo-3.1-fast-generate-preview');
  await expect(sam.getByLabel('Prompt', { exact: true })).toHaveValue('Dunes at dawn');
});
