/**
 * The start-up both screenshot scripts share (`npm run screenshots`, `npm run screenshots:generator`):
 * the browser harness with its test controls and the fake Gemini server, the end-to-end specs'
 * Chromium, an admin and a person they manage, and a fresh page at each size in each theme.
 * Nothing leaves 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { SeedItemGroup, SeedRequest } from '../test/harness/seedRequest';
import { chromiumLaunchOptions } from '../test/e2e/support/chromium';
import { launchHarness } from '../test/e2e/support/harness';
import { openPage, SEEDED_PASSWORD } from '../test/e2e/support/people';

/** Both sign in with SEEDED_PASSWORD; the person is managed by the admin. */
export const SCREENSHOT_ADMIN = 'admin@lab.org';
export const SCREENSHOT_PERSON = 'ana@lab.org';

const SIZES = [
  [1024, 700],
  [1440, 900],
] as const;
const THEMES = ['light', 'dark'] as const;

export interface ScreenshotView {
  page: Page;
  /** the harness's address, to `page.goto` */
  url: string;
  width: number;
  height: number;
  colorScheme: (typeof THEMES)[number];
  /** waits `settleMs`, then writes <screen>-<width>x<height>-<theme>.png in the out folder (or `file`) */
  shot: (screen: string, file?: string) => Promise<void>;
  /** opens `name` from the main navigation, waits for its heading and shoots it as `screen` */
  visit: (name: string, screen: string) => Promise<void>;
}

/**
 * Seeds the two accounts and `items`, then runs `view` at 1024×700 and 1440×900 in the light and
 * the dark theme, each on a fresh browser context; stops Chromium and the harness however it ends.
 */
export async function shootEachView(
  options: { outDir: string; items?: SeedItemGroup[]; settleMs: number },
  view: (v: ScreenshotView) => Promise<void>,
): Promise<void> {
  fs.mkdirSync(options.outDir, { recursive: true });
  const harness = await launchHarness({ env: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const seed: SeedRequest = {
      users: [
        { email: SCREENSHOT_ADMIN, role: 'admin', password: SEEDED_PASSWORD },
        { email: SCREENSHOT_PERSON, password: SEEDED_PASSWORD, managedBy: [SCREENSHOT_ADMIN] },
      ],
      items: options.items ?? [],
    };
    const seeded = await fetch(`${harness.url}__test/seed-media`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(seed),
    });
    if (!seeded.ok) throw new Error(`seeding failed: ${await seeded.text()}`);

    for (const [width, height] of SIZES) {
      for (const colorScheme of THEMES) {
        const context = await browser.newContext({ viewport: { width, height }, colorScheme });
        const page = await context.newPage();
        const shot = async (screen: string, file = path.join(options.outDir, `${screen}-${width}x${height}-${colorScheme}.png`)): Promise<void> => {
          // thumbnails and fonts settle; a screenshot is not an assertion, so a pause is fine here
          await page.waitForTimeout(options.settleMs);
          await page.screenshot({ path: file });
        };
        const visit = async (name: string, screen: string): Promise<void> => {
          await openPage(page, name);
          await page.getByRole('heading', { name, level: 1 }).waitFor();
          await shot(screen);
        };
        await view({ page, url: harness.url, width, height, colorScheme, shot, visit });
        await context.close();
      }
    }
    console.log(`screenshots in ${options.outDir}`);
  } finally {
    await browser.close();
    await harness.stop();
  }
}

/** Runs a script's main and exits 1 with the error if it fails. */
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
