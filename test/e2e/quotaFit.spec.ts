import './support/window';
import { expect, test } from './support/harness';
import { seedPeople, setDailyImageLimit, signIn } from './support/people';

/**
 * Quota before the click (docs/quotas.md): a request that cannot fit what is left disables
 * Generate and says why, when the quota resets and which admin to ask. Accounts are seeded through
 * the harness's test controls; the quota is set by the managing admin in the real Users page.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

test('Generate is disabled with the reason when the quota cannot fit', async ({ browser, page, request, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'head@lab.org', role: 'admin' }]);
  await seedPeople(request, harness, [{ email: 'cleo@lab.org', managedBy: ['head@lab.org'] }]);
  await signIn(page, harness.url, 'head@lab.org');
  await setDailyImageLimit(page, 'cleo@lab.org', 2);

  const cleo = await (await browser.newContext({ viewport: { width: 1024, height: 700 } })).newPage();
  await signIn(cleo, harness.url, 'cleo@lab.org');
  await expect(cleo.getByTestId('quota-remaining-image')).toContainText('2');
  await cleo.getByLabel('Prompt').fill('Three small boats');

  await cleo.getByRole('combobox', { name: 'Images' }).selectOption('3');
  const three = cleo.getByRole('button', { name: 'Generate 3 images' });
  await expect(three).toBeDisabled();
  await expect(three).toHaveAccessibleDescription(
    /^3 images asked, 2 left\. Your image quota resets \w{3} \d{1,2} \w{3} \d{4}, 00:00\. Ask head@lab\.org for more\.$/,
  );
  await expect(cleo.getByRole('status').filter({ hasText: '3 images asked, 2 left.' })).toBeVisible();
  if (process.env.QUOTA_FIT_SHOTS) {
    await three.scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await cleo.emulateMedia({ colorScheme: scheme });
      await cleo.screenshot({ path: `${process.env.QUOTA_FIT_SHOTS}/quota-fit-1024-${scheme}.png` });
    }
  }

  await cleo.getByRole('combobox', { name: 'Images' }).selectOption('2');
  await expect(cleo.getByRole('button', { name: 'Generate 2 images' })).toBeEnabled();
  await expect(cleo.getByText('images asked')).toHaveCount(0);
});
