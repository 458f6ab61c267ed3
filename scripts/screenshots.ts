/**
 * npm run screenshots -- [outDir]   (after `npm run build`)
 *
 * Screenshots of the main screens through the browser harness, for comparing the renderer's look
 * before and after a change: sign-in (also with the keyboard focus ring showing), Image
 * generator and its gallery picker, Profile, Gallery with items, the invite results, Admin · Users and Settings, at 1024×700 and
 * 1440×900, in the light and the dark theme. Files are named <screen>-<width>x<height>-<theme>.png.
 * Uses the same harness and Chromium as the end-to-end specs; nothing leaves 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/e2e/support/chromium';
import { launchHarness } from '../test/e2e/support/harness';
import { SEEDED_PASSWORD } from '../test/e2e/support/people';

const SIZES = [
  [1024, 700],
  [1440, 900],
] as const;
const THEMES = ['light', 'dark'] as const;

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? 'screenshots');
  fs.mkdirSync(outDir, { recursive: true });
  const harness = await launchHarness({ env: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const seeded = await fetch(`${harness.url}__test/seed-media`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        users: [
          { email: 'admin@lab.org', role: 'admin', password: SEEDED_PASSWORD },
          { email: 'ana@lab.org', password: SEEDED_PASSWORD, managedBy: ['admin@lab.org'] },
        ],
        items: [{ ownerEmail: 'admin@lab.org', count: 24, promptPrefix: 'A lighthouse at dusk' }],
      }),
    });
    if (!seeded.ok) throw new Error(`seeding failed: ${await seeded.text()}`);

    let invited = false;
    for (const [width, height] of SIZES) {
      for (const colorScheme of THEMES) {
        const context = await browser.newContext({ viewport: { width, height }, colorScheme });
        const page = await context.newPage();
        const shot = async (screen: string): Promise<void> => {
          // thumbnails and fonts settle; a screenshot is not an assertion, so a pause is fine here
          await page.waitForTimeout(500);
          await page.screenshot({ path: path.join(outDir, `${screen}-${width}x${height}-${colorScheme}.png`) });
        };
        await page.goto(harness.url);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await shot('signin');
        await page.getByLabel('Email').fill('admin@lab.org');
        await page.getByLabel('Password').fill(SEEDED_PASSWORD);
        await page.getByLabel('Password').press('Tab');
        await shot('signin-focus');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByTestId('signed-in-email').waitFor();

        await go(page, 'Image');
        await page.getByRole('heading', { name: 'Image', level: 1 }).waitFor();
        await shot('image');
        await page.getByRole('button', { name: 'From gallery' }).click();
        await page.getByTestId('picker-tile').first().waitFor();
        await page.getByTestId('picker-tile').nth(1).click();
        await shot('gallery-picker');
        await page.keyboard.press('Escape');
        await go(page, 'Profile');
        await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
        await shot('profile');
        await go(page, 'Gallery');
        await page.getByTestId('media-tile').first().waitFor();
        await page.waitForTimeout(1000);
        await shot('gallery');
        await go(page, 'Users');
        await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
        if (!invited) {
          await page.getByRole('button', { name: 'Invite people' }).click();
          const dialog = page.getByRole('dialog', { name: 'Invite people' });
          await dialog.getByLabel('Email addresses').fill('kim@lab.example');
          await dialog.getByRole('button', { name: 'Invite 1' }).click();
          await dialog.getByRole('list', { name: 'Setup codes' }).waitFor();
          await shot('invite-results');
          await dialog.getByRole('button', { name: 'Done' }).click();
          // the code was neither copied nor printed, so closing asks first
          await page.getByRole('dialog', { name: 'Discard the setup codes?' }).getByRole('button', { name: 'Discard codes' }).click();
          invited = true;
        }
        await page.getByRole('row', { name: /kim@lab\.example/ }).waitFor();
        await shot('users');
        await go(page, 'Settings');
        await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
        await shot('settings');
        await context.close();
      }
    }
    console.log(`screenshots in ${outDir}`);
  } finally {
    await browser.close();
    await harness.stop();
  }
}

function go(page: Page, name: string): Promise<void> {
  return page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(`(^|· )${name}$`) })
    .click();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
