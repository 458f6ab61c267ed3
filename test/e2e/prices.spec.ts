import './support/window';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/**
 * Settings → Prices (docs/models-and-money.md): an admin corrects a model's price from the invoice,
 * sees the correction in the table, and goes back to the shipped prices.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

test('an admin corrects a price, sees it in force, and restores the shipped one', async ({ page, request, harness }) => {
  test.setTimeout(90_000);
  await seedPeople(request, harness, [{ email: 'root@lab.org', role: 'admin' }]);
  await signIn(page, harness.url, 'root@lab.org');
  await openPage(page, 'Settings');

  const table = page.getByRole('table', { name: 'Prices by model' });
  const row = table.getByRole('row', { name: /Nano Banana 2\.1/ });
  await expect(row).toContainText('1K $0.0336 · 2K $0.05 · 4K $0.1134 per image');
  await expect(row).toContainText('estimate');

  await page.getByRole('button', { name: 'Edit prices of Nano Banana 2.1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Prices of Nano Banana 2.1' });
  await dialog.getByLabel('1K image').fill('0.04 cents');
  await dialog.getByLabel('Source', { exact: true }).fill('Our Google Cloud invoice, November');
  await dialog.getByLabel('The source calls these figures estimates').uncheck();
  await dialog.getByRole('button', { name: 'Save prices' }).click();
  // a wrong amount is named at its field and nothing is sent
  await expect(dialog.getByLabel('1K image')).toHaveAccessibleDescription('a dollar amount like 0.134');
  await dialog.getByLabel('1K image').fill('0.04');
  if (process.env.PRICES_SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${process.env.PRICES_SHOTS}/prices-dialog-${scheme}.png` });
    }
  }
  await dialog.getByRole('button', { name: 'Save prices' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('1K $0.04 · 2K $0.05 · 4K $0.1134 per image');
  await expect(row).toContainText('Corrected by an admin: Our Google Cloud invoice, November');
  await expect(row).not.toContainText('estimate');
  if (process.env.PRICES_SHOTS) {
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await table.scrollIntoViewIfNeeded();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: `${process.env.PRICES_SHOTS}/prices-${size.width}-${scheme}.png` });
      }
    }
  }

  await page.getByRole('button', { name: 'Edit prices of Nano Banana 2.1' }).click();
  await dialog.getByRole('button', { name: 'Back to the shipped prices' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('1K $0.0336 · 2K $0.05 · 4K $0.1134 per image');
});
