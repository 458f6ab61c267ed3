import fs from 'node:fs';
import './support/window';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { openPage, seedPeople, setDailyImageLimit, signIn } from './support/people';

/**
 * The admin's records end to end (docs/records.md): the generation log scoped to the people an admin
 * manages, the audit log in sentences, and the usage report with totals and an ISO-dated CSV — each
 * page checked with axe-core in light and dark.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

async function expectAccessibleInBothThemes(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const found = result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`,
    );
    expect(found, `${screen}, ${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function generate(page: Page, prompt: string, status: 'succeeded' | 'blocked'): Promise<void> {
  await page.getByLabel('Prompt').fill(prompt);
  await page.getByRole('button', { name: /^Generate/ }).click();
  await expect(page.locator(`[data-testid="job-result"][data-status="${status}"]`)).not.toHaveCount(0);
}

test("an admin's records: the generation log, the audit log in sentences and the usage report", async ({ page, request, harness }) => {
  test.setTimeout(180_000);
  await seedPeople(request, harness, [
    { email: 'ada@lab.org', role: 'admin' },
    { email: 'ben@lab.org', role: 'admin' },
    { email: 'cara@lab.org', managedBy: ['ada@lab.org'] },
  ]);

  // Cara makes one image and one prompt the safety filters stop
  await signIn(page, harness.url, 'cara@lab.org');
  await generate(page, 'A calm lighthouse at dusk', 'succeeded');
  await generate(page, 'Something forbidden [block]', 'blocked');

  // Ada, who manages Cara, sees both attempts; "Blocked" finds the stopped prompt alone
  await signIn(page, harness.url, 'ada@lab.org');
  await openPage(page, 'Generation log');
  await expect(page.getByRole('heading', { name: 'Generation log', level: 1 })).toBeVisible();
  const attempts = page.getByRole('table', { name: 'Generation attempts' }).getByRole('row');
  await expect(attempts).toHaveCount(3);
  await expect(attempts.nth(1)).toContainText('cara@lab.org');
  await expect(attempts.nth(1)).toContainText('Blocked');
  await expect(attempts.nth(1)).toContainText('Something forbidden [block]');
  await expect(attempts.nth(2)).toContainText('Succeeded');
  await expect(attempts.nth(2)).toContainText('A calm lighthouse at dusk');
  await expect(attempts.nth(2)).toContainText('1 image');
  await attempts.nth(1).getByText('Details').click();
  await expect(attempts.nth(1)).toContainText('CONTENT_BLOCKED');
  await expectAccessibleInBothThemes(page, 'Generation log');
  await page.getByLabel('Outcome').selectOption('blocked');
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(1)).toContainText('Something forbidden [block]');

  // Ada caps Cara's images: the audit log says so in a sentence with both emails
  await setDailyImageLimit(page, 'cara@lab.org', 5);
  await openPage(page, 'Audit log');
  await page.getByLabel('Show').selectOption('quotas');
  const entry = page.getByRole('table', { name: 'Audit entries' }).getByRole('row').nth(1);
  await expect(entry).toContainText("ada@lab.org changed cara@lab.org's image quota from 50 a day (the default) to 5 a day.");
  await expect(entry.getByText('quotas.set')).toBeHidden();
  await entry.getByText('Details').click();
  await expect(entry.getByText('quotas.set')).toBeVisible();
  await expectAccessibleInBothThemes(page, 'Audit log');

  // Usage: one row per person Ada sees, a totals line, and a CSV with ISO dates
  await openPage(page, 'Usage');
  const usage = page.getByRole('table', { name: /^Charged from/ });
  await expect(usage.getByRole('rowheader')).toHaveText(['ada@lab.org', 'cara@lab.org', 'Total (2 people)']);
  await expect(
    usage
      .getByRole('row', { name: /cara@lab\.org/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('1');
  await expect(
    usage
      .getByRole('row', { name: /^Total/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('1');
  // and what it cost: Cara's one image, priced from Google's reported tokens ($0.0387)
  await expect(usage.getByRole('row', { name: /cara@lab\.org/ })).toContainText('$0.04');
  await expect(usage.getByRole('row', { name: /^Total/ })).toContainText('$0.04');
  await expect(page.getByRole('img', { name: 'Units charged per day' })).toBeVisible();
  await expectAccessibleInBothThemes(page, 'Usage report');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^usage-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs
    .readFileSync(await download.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines).toHaveLength(4);
  const cara = lines.find((l) => l.startsWith('cara@lab.org'))!.split(',');
  expect(cara[2]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(cara[3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(cara[4]).toBe('1');
  expect(cara[8]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(lines[3]).toMatch(/^Total,,/);
  // the per-model split as its own sheet: Cara's image under its model, with its cost
  const [perModel] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export per model' }).click()]);
  expect(perModel.suggestedFilename()).toMatch(/^usage-by-model-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const modelLines = fs
    .readFileSync(await perModel.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(modelLines.find((l) => l.startsWith('cara@lab.org'))).toMatch(/,image,gemini-nano-banana-2\.1,Nano Banana 2\.1,1,0\.0387$/);

  // Ben manages nobody: none of Cara's attempts reach him
  await signIn(page, harness.url, 'ben@lab.org');
  await openPage(page, 'Generation log');
  await expect(page.getByText('Nothing has been generated yet.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Generation attempts' }).getByRole('row')).toHaveCount(1);
});

test('the person filter finds any of 2 000 accounts by typing part of the email, with the keyboard alone', async ({ page, request, harness }) => {
  test.setTimeout(180_000);
  await seedPeople(request, harness, [{ email: 'ada@lab.org', role: 'admin' }]);
  const seeded = await request.post(`${harness.url}__test/seed-accounts`, { data: { managedBy: 'ada@lab.org', count: 2000 } });
  expect(seeded.ok(), await seeded.text()).toBe(true);

  // Ada caps two of the people she manages, one of them far past the first 500 by email
  await signIn(page, harness.url, 'ada@lab.org');
  for (const email of ['user-0002@school.example', 'user-1742@school.example']) {
    await openPage(page, 'Users');
    await page.getByLabel('Search by email').fill(email);
    await expect(page.getByRole('button', { name: `Quotas of ${email}` })).toBeVisible();
    await setDailyImageLimit(page, email, 5);
  }

  await openPage(page, 'Audit log');
  await page.getByLabel('Show').selectOption('quotas');
  const entries = page.getByRole('table', { name: 'Audit entries' }).getByRole('row');
  await expect(entries).toHaveCount(3);

  // keyboard only: into the box, type, the match comes from main, Enter chooses it
  const person = page.getByRole('combobox', { name: 'Account' });
  await page.getByLabel('Show').focus();
  await page.keyboard.press('Tab');
  await expect(person).toBeFocused();
  await page.keyboard.type('1742');
  const listbox = page.getByRole('listbox', { name: 'Account' });
  await expect(listbox.getByRole('option')).toHaveText(['Everyone I manage', 'user-1742@school.example']);
  await expect(listbox.getByRole('option', { name: 'user-1742@school.example' })).toHaveAttribute('aria-selected', 'true');
  await expectAccessibleInBothThemes(page, 'Audit log, person list open');
  await page.keyboard.press('Enter');
  await expect(listbox).toBeHidden();
  await expect(person).toHaveValue('user-1742@school.example');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(1)).toContainText("ada@lab.org changed user-1742@school.example's image quota");

  // Escape closes without changing the filter; "Everyone I manage" clears it
  await page.keyboard.type('zzz');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(person).toHaveValue('user-1742@school.example');
  await expect(entries).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(listbox.getByRole('option', { name: 'Everyone I manage' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(person).toHaveValue('');
  await expect(entries).toHaveCount(3);

  // the Generation log's person filter is the same picker
  await openPage(page, 'Generation log');
  const logPerson = page.getByRole('combobox', { name: 'Person' });
  await logPerson.fill('user-0002');
  await expect(page.getByRole('listbox', { name: 'Person' }).getByRole('option', { name: 'user-0002@school.example' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(logPerson).toHaveValue('user-0002@school.example');
  await expectAccessibleInBothThemes(page, 'Generation log, a person chosen');
});
