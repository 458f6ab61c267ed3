/**
 * npm run screenshots:generator -- [outDir]   (after `npm run build`)
 *
 * The generators with results through the browser harness and the fake Gemini server: Image with
 * results beside the form, its lightbox, a tile's "More" menu, Edit and Video, at 1024×700 and
 * 1440×900 in both themes (<screen>-<width>x<height>-<theme>.png). With `--readme` it also writes
 * the README's picture, docs/images/generator.png (Image page, 1440×900, light).
 * Nothing leaves 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { openPage, SEEDED_PASSWORD } from '../test/e2e/support/people';
import { runScript, SCREENSHOT_PERSON, shootEachView } from './screenshotHarness';

// the fake server draws square patterns, so square requests look like what they are
const PROMPTS = [
  ['A lighthouse on a cliff at dusk, warm light in the window, long exposure sea', '1:1', '2'],
  ['A paper boat on a rainy street, reflections of neon signs', '1:1', '4'],
] as const;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const readme = args.includes('--readme');
  const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'screenshots');
  let generated = false;
  await shootEachView({ outDir, settleMs: 600 }, async ({ page, url, width, colorScheme, shot, visit }) => {
    await page.goto(url);
    await page.getByLabel('Email').fill(SCREENSHOT_PERSON);
    await page.getByLabel('Password').fill(SEEDED_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Image', level: 1 }).waitFor();
    if (!generated) {
      for (const [prompt, ratio, count] of PROMPTS) {
        await page.getByLabel('Prompt').fill(prompt);
        await page.getByLabel('Aspect ratio').selectOption(ratio);
        await page.getByRole('combobox', { name: 'Images' }).selectOption(count);
        await page.getByRole('button', { name: /^Generate/ }).click();
        await page
          .locator('[data-testid="job-result"][data-status="succeeded"]')
          .filter({ hasText: prompt })
          .nth(Number(count) - 1)
          .waitFor();
      }
      await openPage(page, 'Video');
      await page.getByLabel('Prompt').fill('A paper boat drifting down a rainy street at night');
      await page.getByLabel('Aspect ratio').selectOption('16:9');
      await page.getByRole('button', { name: 'Generate video' }).click();
      await page.locator('[data-testid="job-result"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
      await openPage(page, 'Image');
      generated = true;
    }
    await page.getByLabel('Prompt').fill(PROMPTS[0][0]);
    await page.getByLabel('Aspect ratio').selectOption(PROMPTS[0][1]);
    await shot('generator-image');
    if (readme && width === 1440 && colorScheme === 'light') await readmeShot(page);
    await page
      .getByTestId('job-result')
      .first()
      .getByRole('button', { name: /^More actions/ })
      .click();
    await shot('generator-more');
    await page.keyboard.press('Escape');
    await page.getByTestId('job-result').first().getByRole('button', { name: /^Open/ }).click();
    await page.getByRole('dialog').waitFor();
    await shot('generator-lightbox');
    await page.keyboard.press('Escape');
    await visit('Edit', 'generator-edit');
    await visit('Video', 'generator-video');
  });
}

/** The README's picture: no notifications in front, a palette PNG to stay well under 300 KB. */
async function readmeShot(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  await page.getByLabel('Prompt').blur();
  await page.waitForTimeout(600);
  const png = await page.screenshot();
  const file = path.resolve('docs/images/generator.png');
  await sharp(png).png({ palette: true, colours: 128, effort: 10, compressionLevel: 9 }).toFile(file);
  console.log(`${file}: ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

runScript(main);
