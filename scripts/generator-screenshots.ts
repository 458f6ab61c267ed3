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
import { chromium, type Page } from '@playwright/test';
import sharp from 'sharp';
import { chromiumLaunchOptions } from '../test/e2e/support/chromium';
import { launchHarness } from '../test/e2e/support/harness';
import { SEEDED_PASSWORD } from '../test/e2e/support/people';

const SIZES = [
  [1024, 700],
  [1440, 900],
] as const;
const THEMES = ['light', 'dark'] as const;
// the fake server draws square patterns, so square requests look like what they are
const PROMPTS = [
  ['A lighthouse on a cliff at dusk, warm light in the window, long exposure sea', '1:1', '2'],
  ['A paper boat on a rainy street, reflections of neon signs', '1:1', '4'],
] as const;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const readme = args.includes('--readme');
  const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'screenshots');
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
        items: [],
      }),
    });
    if (!seeded.ok) throw new Error(`seeding failed: ${await seeded.text()}`);

    let generated = false;
    for (const [width, height] of SIZES) {
      for (const colorScheme of THEMES) {
        const context = await browser.newContext({ viewport: { width, height }, colorScheme });
        const page = await context.newPage();
        const shot = async (screen: string, file = path.join(outDir, `${screen}-${width}x${height}-${colorScheme}.png`)): Promise<void> => {
          // thumbnails and fonts settle; a screenshot is not an assertion, so a pause is fine here
          await page.waitForTimeout(600);
          await page.screenshot({ path: file });
        };
        await page.goto(harness.url);
        await page.getByLabel('Email').fill('ana@lab.org');
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
          await go(page, 'Video');
          await page.getByLabel('Prompt').fill('A paper boat drifting down a rainy street at night');
          await page.getByLabel('Aspect ratio').selectOption('16:9');
          await page.getByRole('button', { name: 'Generate video' }).click();
          await page.locator('[data-testid="job-result"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
          await go(page, 'Image');
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
        await go(page, 'Edit');
        await page.getByRole('heading', { name: 'Edit', level: 1 }).waitFor();
        await shot('generator-edit');
        await go(page, 'Video');
        await page.getByRole('heading', { name: 'Video', level: 1 }).waitFor();
        await shot('generator-video');
        await context.close();
      }
    }
    console.log(`screenshots in ${outDir}`);
  } finally {
    await browser.close();
    await harness.stop();
  }
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
