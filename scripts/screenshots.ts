/**
 * npm run screenshots -- [outDir]   (after `npm run build`)
 *
 * Screenshots of the main screens through the browser harness, for comparing the renderer's look
 * before and after a change: sign-in (also with the keyboard focus ring showing), Image
 * generator and its gallery picker, Profile, Gallery with items, the invite results, Admin · Users and Settings, at 1024×700 and
 * 1440×900, in the light and the dark theme. Files are named <screen>-<width>x<height>-<theme>.png.
 * Uses the same harness and Chromium as the end-to-end specs; nothing leaves 127.0.0.1.
 */
import path from 'node:path';
import { openPage, SEEDED_PASSWORD } from '../test/e2e/support/people';
import { runScript, SCREENSHOT_ADMIN, shootEachView } from './screenshotHarness';

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? 'screenshots');
  let invited = false;
  await shootEachView(
    { outDir, items: [{ ownerEmail: SCREENSHOT_ADMIN, count: 24, promptPrefix: 'A lighthouse at dusk' }], settleMs: 500 },
    async ({ page, url, shot, visit }) => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shot('signin');
      await page.getByLabel('Email').fill(SCREENSHOT_ADMIN);
      await page.getByLabel('Password').fill(SEEDED_PASSWORD);
      await page.getByLabel('Password').press('Tab');
      await shot('signin-focus');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('signed-in-email').waitFor();

      await visit('Image', 'image');
      await page.getByRole('button', { name: 'From gallery' }).click();
      await page.getByTestId('picker-tile').first().waitFor();
      await page.getByTestId('picker-tile').nth(1).click();
      await shot('gallery-picker');
      await page.keyboard.press('Escape');
      await visit('Profile', 'profile');
      await openPage(page, 'Gallery');
      await page.getByTestId('media-tile').first().waitFor();
      await page.waitForTimeout(1000);
      await shot('gallery');
      await openPage(page, 'Users');
      await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
      if (!invited) {
        await page.getByRole('button', { name: 'Invite people' }).click();
        const dialog = page.getByRole('dialog', { name: 'Invite people' });
        await dialog.getByLabel('Email addresses').fill('kim@lab.example');
        await dialog.getByRole('button', { name: 'Invite 1' }).click();
        await dialog.getByRole('list', { name: 'Setup codes' }).waitFor();
        await shot('invite-results');
        await dialog.getByRole('button', { name: 'Done' }).click();
        // closing with codes nobody copied asks first
        await page.getByRole('dialog', { name: 'Discard the setup codes?' }).getByRole('button', { name: 'Discard codes' }).click();
        invited = true;
      }
      await page.getByRole('row', { name: /kim@lab\.example/ }).waitFor();
      await shot('users');
      await visit('Settings', 'settings');
    },
  );
}

runScript(main);
