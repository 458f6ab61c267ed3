import './support/window';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/**
 * axe-core over the main screens in both themes: no WCAG 2.x A/AA violation, colour contrast
 * included. The theme follows the OS here (emulated), which is the path most people take; the
 * colour tokens are the same when someone picks a theme (test/unit/contrast.test.ts).
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const THEMES = ['light', 'dark'] as const;

async function expectAccessibleInBothThemes(page: Page, screen: string): Promise<void> {
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const found = result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`,
    );
    expect(found, `${screen}, ${colorScheme} theme`).toEqual([]);
  }
}

test('sign-in, image generator, gallery and users pass axe in light and dark', async ({ page, request, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(
    request,
    harness,
    [
      { email: 'ada@lab.org', role: 'admin' },
      { email: 'bo@lab.org', managedBy: ['ada@lab.org'] },
    ],
    [{ ownerEmail: 'ada@lab.org', count: 12 }],
  );

  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessibleInBothThemes(page, 'Sign in');

  await signIn(page, harness.url, 'ada@lab.org');
  await openPage(page, 'Image');
  await expect(page.getByRole('heading', { name: 'Image', level: 1 })).toBeVisible();
  await expectAccessibleInBothThemes(page, 'Image generator');

  await openPage(page, 'Gallery');
  await expect(page.getByTestId('media-tile').first()).toBeVisible();
  await expectAccessibleInBothThemes(page, 'Gallery');

  // someone invited but not set up yet: the "Awaiting setup" status was the light theme's weakest text
  await openPage(page, 'Users');
  await page.getByRole('button', { name: 'Invite people' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite people' });
  await dialog.getByLabel('Email addresses').fill('kim@lab.example');
  await dialog.getByRole('button', { name: 'Invite 1' }).click();
  await expect(dialog.getByRole('list', { name: 'Setup codes' })).toBeVisible();
  await expectAccessibleInBothThemes(page, 'Invite results');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const discard = page.getByRole('dialog', { name: 'Discard the setup codes?' });
  await expect(discard.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessibleInBothThemes(page, 'Invite results with the discard question open');
  await discard.getByRole('button', { name: 'Discard codes' }).click();
  await expect(page.getByRole('row', { name: /kim@lab\.example/ })).toContainText('Awaiting setup');
  await expectAccessibleInBothThemes(page, 'Users');

  // a destructive confirmation over the Users page
  await page
    .getByRole('row', { name: /bo@lab\.org/ })
    .getByText('Actions')
    .click();
  await page.getByRole('button', { name: 'Reset password of bo@lab.org' }).click();
  await expect(page.getByRole('dialog', { name: 'Reset the password of bo@lab.org?' }).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessibleInBothThemes(page, 'Users with a reset confirmation open');
  await page.keyboard.press('Escape');
});

test('the image generator with the Jobs popover open (done, failed, running and waiting jobs) passes axe in light and dark', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'jo@lab.org' }]);
  await signIn(page, harness.url, 'jo@lab.org');
  const generate = async (prompt: string) => {
    await page.getByLabel('Prompt').fill(prompt);
    await page.getByRole('button', { name: /^Generate/ }).click();
  };
  await generate('A heron in fog');
  await expect(page.locator('[data-testid="job-result"][data-status="succeeded"]')).toHaveCount(1);
  await generate('A storm [400]');
  await expect(page.locator('[data-testid="job-result"][data-status="failed"]')).toHaveCount(1);
  await generate('A lighthouse [hang]');
  await expect(page.locator('[data-testid="job-result"][data-status="running"]')).toHaveCount(1);
  // Google's rate limit: the job waits with a countdown instead of failing
  await generate('A squall [429]');
  await expect(page.locator('[data-testid="job-result"][data-status="queued"]')).toContainText(/Waiting for Google's rate limit · starts in \d+ s/);
  await page.getByRole('button', { name: /^Jobs/ }).click();
  await expect(page.getByRole('region', { name: 'Job queue' }).getByRole('listitem')).toHaveCount(4);
  await expectAccessibleInBothThemes(page, 'Image generator with the Jobs popover');
});

test('the Settings page with its Google project section passes axe in light and dark', async ({ page, request, harness }) => {
  test.setTimeout(90_000);
  await seedPeople(request, harness, [{ email: 'ada@lab.org', role: 'admin' }]);
  await signIn(page, harness.url, 'ada@lab.org');
  await openPage(page, 'Settings');
  await expect(page.getByRole('region', { name: 'Google project' }).getByTestId('project-facts')).toBeVisible();
  await expectAccessibleInBothThemes(page, 'Settings');
});

test('first run, the checklist and every admin page (Users, Usage, Settings, Audit log, Profile) pass axe in light and dark', async ({
  page,
  harness,
}) => {
  test.setTimeout(180_000);
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();
  await expectAccessibleInBothThemes(page, 'First run');
  await page.getByLabel('Email').fill('root@lab.org');
  await page.getByLabel('Password', { exact: true }).fill('tidal-granite-58');
  await page.getByLabel('Confirm password').fill('tidal-granite-58');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await expect(page.getByRole('region', { name: 'Get the studio ready' })).toBeVisible();
  await expectAccessibleInBothThemes(page, 'First-run checklist');

  for (const [name, heading] of [
    ['Users', 'Users'],
    ['Usage', undefined],
    ['Settings', 'Settings'],
    ['Audit log', undefined],
    ['Profile', 'Profile'],
  ] as const) {
    await openPage(page, name);
    if (heading) await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    else await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(`${name} — Gemini Media Studio`);
    await expectAccessibleInBothThemes(page, name);
  }
});
