import './support/window';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/** The profile page (docs/renderer.md): own quotas, recent work, library totals and the person's theme. */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

test('the profile shows the three quotas, the image just made and the library; Dark is kept with the account across a reload', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'rui@lab.org' }]);
  await signIn(page, harness.url, 'rui@lab.org');
  await page.getByLabel('Prompt').fill('A red kite over dunes');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await expect(page.getByTestId('job-result').and(page.locator('[data-status="succeeded"]'))).toHaveCount(1);

  await openPage(page, 'Profile');
  await expect(page.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible();
  const quotas = page.getByRole('region', { name: 'Your quotas' });
  for (const kind of ['image', 'edit', 'video']) await expect(quotas.getByTestId(`quota-meter-${kind}`)).toBeVisible();
  await expect(quotas.getByTestId('quota-meter-image-used')).toContainText('1 / 50');
  await expect(quotas.getByRole('meter')).toHaveCount(3);

  const recent = page.getByRole('list', { name: 'Your recent work' });
  const thumb = recent.getByRole('button', { name: 'Image: A red kite over dunes — open the gallery' });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  const library = page.getByTestId('library-totals');
  await expect(library.getByRole('row', { name: /Generated images 1 / })).toBeVisible();
  await expect(library.getByRole('row', { name: /Total 1 / })).toBeVisible();

  // the person's theme: applied at once, kept with the account; after a reload (which may end the
  // window's session) the sign-in screen follows the computer and the theme returns with the person
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
  await theme.getByRole('radio', { name: 'Dark' }).check();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 19, 24)');
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await page.reload();
  const signInHeading = page.getByRole('heading', { name: 'Sign in' });
  await expect(signInHeading.or(page.getByTestId('signed-in-email'))).toBeVisible();
  if (await signInHeading.isVisible()) {
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await signIn(page, harness.url, 'rui@lab.org');
  }
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await openPage(page, 'Profile');
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'System' }).check();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();

  // a recent-work thumbnail opens the gallery on that item
  await page.getByRole('button', { name: 'Image: A red kite over dunes — open the gallery' }).click();
  await expect(page.getByRole('heading', { name: 'Gallery', level: 1 })).toBeVisible();
  await expect(page.getByRole('dialog').getByTestId('details-prompt')).toHaveText('A red kite over dunes');
});
