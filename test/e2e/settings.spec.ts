import './support/window';
import type { APIRequestContext } from '@playwright/test';
import { expect, type RunningHarness, test } from './support/harness';
import { openPage as nav, seedPeople, signIn } from './support/people';

/**
 * Admin → Settings end to end: the real renderer in Chromium, the real core in the harness, the
 * real SDK against the fake Gemini server (whose placeholder key arrives through the environment).
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const NEW_KEY = 'AIzaSyE2E-placeholder-key-00005678';

const seedAdmin = (request: APIRequestContext, harness: RunningHarness, email: string) => seedPeople(request, harness, [{ email, role: 'admin' }]);

test('an admin checks the models, disables one that then leaves the Image page, and replaces the key without ever seeing it', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(90_000);
  await seedAdmin(request, harness, 'root@lab.org');
  await signIn(page, harness.url, 'root@lab.org');
  await nav(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByTestId('api-key-status')).toHaveText(/^Set, ends in ….{4} \(from the GEMINI_API_KEY environment variable\)$/);

  // every shipped id is known to the fake Google
  await page.getByRole('button', { name: 'Check models with Google' }).click();
  await expect(page.getByTestId('model-check-summary')).toContainText('Google knows 9 of 9 models.');
  await expect(page.getByRole('table', { name: 'Model catalogue' }).getByText('Available')).toHaveCount(9);

  // disable Nano Banana Pro: it stays listed here, and leaves the Image page's model list
  await nav(page, 'Image');
  await expect(page.getByLabel('Model').locator('option', { hasText: 'Nano Banana Pro' })).toHaveCount(1);
  await nav(page, 'Settings');
  await page.getByRole('checkbox', { name: 'Enabled: Nano Banana Pro (Gemini 3 Pro Image)' }).uncheck();
  await page.getByRole('button', { name: 'Save catalogue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Catalogue saved.' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Enabled: Nano Banana Pro (Gemini 3 Pro Image)' })).not.toBeChecked();
  await nav(page, 'Image');
  const options = page.getByLabel('Model').locator('option');
  await expect(options.filter({ hasText: 'Nano Banana 2 Lite' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'Nano Banana Pro' })).toHaveCount(0);

  // a new key: only its last four characters come back, and the input is empty again
  await nav(page, 'Settings');
  const keyInput = page.getByLabel('New API key');
  await expect(keyInput).toHaveValue('');
  await expect(keyInput).toHaveAttribute('type', 'password');
  await keyInput.fill(NEW_KEY);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByTestId('api-key-status')).toHaveText('Set, ends in …5678 (stored, protected by the OS key store)');
  await expect(keyInput).toHaveValue('');
  expect(await page.content()).not.toContain(NEW_KEY.slice(0, 20));

  // removing it takes a second step, then the environment's key is in use again
  await page.getByRole('button', { name: 'Remove stored key…' }).click();
  await page.getByRole('group', { name: 'Confirm removing the API key' }).getByRole('button', { name: 'Remove key' }).click();
  await expect(page.getByTestId('api-key-status')).toHaveText(/\(from the GEMINI_API_KEY environment variable\)$/);
});

test('out-of-range settings and an incomplete new model are explained inline and not sent', async ({ page, request, harness }) => {
  await seedAdmin(request, harness, 'root@lab.org');
  await signIn(page, harness.url, 'root@lab.org');
  await nav(page, 'Settings');

  const idle = page.getByLabel('Sign out after inactivity (minutes)');
  await idle.fill('3');
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a whole number of minutes from 5 to 120.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save session and job settings' })).toBeDisabled();
  await idle.fill('30');
  await page.getByRole('button', { name: 'Save session and job settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // the per-person limit for imported images: 2048 MB until an admin changes it
  const importLimit = page.getByLabel('Imported images each person may keep (MB)');
  await expect(importLimit).toHaveValue('2048');
  await importLimit.fill('0');
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a whole number of MB from 1 to 999999.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save session and job settings' })).toBeDisabled();
  await importLimit.fill('500');
  await page.getByRole('button', { name: 'Save session and job settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(importLimit).toHaveValue('500');

  await page.getByRole('table', { name: 'Default quotas' }).getByLabel('Videos limit').fill('4');
  await page.getByRole('button', { name: 'Save default quotas' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Default quotas saved.' })).toBeVisible();

  // a video model from the Veo preset; a taken id is refused before anything is saved
  await page.getByRole('button', { name: 'Add model…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a model' });
  await dialog.getByLabel('Kind').selectOption('video');
  await dialog.getByLabel('Family').selectOption('veo');
  await expect(dialog.getByLabel('Durations (seconds)')).toHaveValue('4, 6, 8');
  await dialog.getByLabel('Model id').fill('veo-3.1-generate-preview');
  await dialog.getByLabel('Label').fill('Veo next');
  await dialog.getByRole('button', { name: 'Add to catalogue' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The catalogue already has veo-3.1-generate-preview.');
  await dialog.getByLabel('Model id').fill('veo-4.0-generate-preview');
  await dialog.getByRole('button', { name: 'Add to catalogue' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Model catalogue' }).getByRole('row', { name: /Veo next/ })).toContainText('New, not saved');
  await page.getByRole('button', { name: 'Save catalogue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Catalogue saved.' })).toBeVisible();

  // Google (the fake) does not know the new id: the check flags it and says so
  await page.getByRole('button', { name: 'Check models with Google' }).click();
  await expect(page.getByTestId('model-check-summary')).toContainText('Google does not know Veo next.');
  await expect(page.getByRole('table', { name: 'Model catalogue' }).getByRole('row', { name: /Veo next/ })).toContainText('Missing at Google');
});

test('when Google no longer lists the default image model, admins see what serves instead and make it the default', async ({
  page,
  request,
  harness,
}) => {
  await seedAdmin(request, harness, 'root@lab.org');
  await signIn(page, harness.url, 'root@lab.org');
  await nav(page, 'Settings');

  // an image model the fake Google does not know becomes the default
  await page.getByRole('button', { name: 'Add model…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a model' });
  await dialog.getByLabel('Kind').selectOption('image');
  await dialog.getByLabel('Model id').fill('gemini-4-image');
  await dialog.getByLabel('Label').fill('Nano Banana 4');
  await dialog.getByRole('button', { name: 'Add to catalogue' }).click();
  await page.getByRole('radio', { name: 'Default image model: Nano Banana 4' }).check();
  await page.getByRole('button', { name: 'Save catalogue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Catalogue saved.' })).toBeVisible();
  await expect(page.getByTestId('model-notices')).toHaveCount(0);

  await page.getByRole('button', { name: 'Check models with Google' }).click();
  const notices = page.getByTestId('model-notices');
  await expect(notices).toContainText('Nano Banana 4 is no longer offered by Google; Nano Banana 2.1 is used instead.');
  // the banner follows the admin to every page, and the Image page preselects what serves
  await nav(page, 'Image');
  await expect(notices).toBeVisible();
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('gemini-nano-banana-2.1');

  await notices.getByRole('button', { name: 'Make it the default' }).click();
  await expect(notices).toHaveCount(0);
  await nav(page, 'Settings');
  await expect(page.getByRole('radio', { name: 'Default image model: Nano Banana 2.1' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Enabled: Nano Banana 4' })).not.toBeChecked();
});

test.describe('on a computer without a keyring', () => {
  test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1', STUDIO_HARNESS_SECRET_PROTECTION: 'unprotected' } });

  test('storing the key needs the explicit "without OS protection" consent, and says so', async ({ page, request, harness }) => {
    await seedAdmin(request, harness, 'root@lab.org');
    await signIn(page, harness.url, 'root@lab.org');
    await nav(page, 'Settings');
    await expect(page.getByRole('note').filter({ hasText: 'This computer has no OS key store' })).toBeVisible();

    await page.getByLabel('New API key').fill(NEW_KEY);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'stored without protection' })).toBeVisible();
    await expect(page.getByTestId('api-key-status')).toHaveText(/environment variable/);

    await page.getByRole('checkbox', { name: 'Store without OS protection' }).check();
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByTestId('api-key-status')).toHaveText('Set, ends in …5678 (stored without OS protection)');
    await expect(page.getByLabel('New API key')).toHaveValue('');
  });
});

test('the Google project section shows the queue’s state and sets a spend limit per 10 minutes, which jobs then wait for', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(90_000);
  await seedAdmin(request, harness, 'root@lab.org');
  await signIn(page, harness.url, 'root@lab.org');
  await nav(page, 'Settings');
  const section = page.getByRole('region', { name: 'Google project' });
  const facts = section.getByTestId('project-facts');
  await expect(facts).toContainText('API key' + 'From GEMINI_API_KEY');
  await expect(facts).toContainText('≈ $0.00 (no limit)');
  await expect(section.getByRole('table')).toContainText('Tier 1$10.00');

  const limit = section.getByLabel('Google spend limit per 10 minutes (USD)');
  await limit.fill('ten dollars');
  await expect(section.getByRole('alert')).toContainText('Enter an amount in dollars from 0.01 to 100000');
  await expect(section.getByRole('button', { name: 'Save project limits' })).toBeDisabled();
  // a 1K Nano Banana 2.1 image is estimated at $0.0336: one fits in $0.05, the second waits
  await limit.fill('0.05');
  await section.getByRole('button', { name: 'Save project limits' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(facts).toContainText('of $0.05');

  await nav(page, 'Image');
  await page.getByLabel('Prompt').fill('Two pears');
  await page.getByRole('combobox', { name: 'Images' }).selectOption('2');
  await page.getByRole('button', { name: /^Generate/ }).click();
  await expect(page.locator('[data-testid="job-result"][data-status="succeeded"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="job-result"][data-status="queued"]')).toContainText(
    'Waiting for the spend limit · starts in about 10 min',
  );
  await nav(page, 'Settings');
  // the finished image counts what Google reported it cost (1 290 image tokens, $0.0387), not its estimate
  await expect(facts).toContainText('≈ $0.04 of $0.05');
  await expect(facts).toContainText('Waiting on the spend limit' + '1 job');
});
