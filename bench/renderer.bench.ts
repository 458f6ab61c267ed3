/**
 * The renderer as a person feels it: the real built renderer in Debian Chromium through the browser
 * harness, backed by the real core on a real SQLite file (and the fake Gemini server).
 * - gallery_open_100k_ms: from clicking "Gallery" in a library of 100 000 items until the first 60
 *   thumbnails are decoded and painted;
 * - gallery_scroll_fps: frames per second while the gallery grid scrolls steadily through the library;
 * - generator_input_latency_ms: the worst delay from a key press in the prompt to the next painted
 *   frame while four images are being generated and saved.
 * Skipped (with the reason) when the renderer is not built or no Chromium is installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ManualClock } from '../src/main/clock';
import { createCore } from '../src/main/core';
import { createMemoryLogger } from '../src/main/logger';
import { MemorySecretStore } from '../src/main/services/settings/secretStore';
import { chromiumExecutable, chromiumLaunchOptions } from '../test/e2e/support/chromium';
import { startFakeGemini } from '../test/fake-gemini/server';
import { startHarness } from '../test/harness/server';
import { seedUser } from '../test/support/seed';
import { type SeedMediaRow, seedMediaRows } from '../test/support/seedMedia';
import { makeTempDir } from '../test/support/tempDir';
import type { Benchmark, BenchResult } from './registry';

const ITEMS = 100_000;
/** only the newest items get files: the first screens show them; the rest are rows for the queries */
const ITEMS_WITH_FILES = 400;
const ADMIN = { email: 'admin@bench.org', password: 'violet-harbour-42' };
const rendererDir = path.join(__dirname, '../out/renderer');

export const rendererBenchmark: Benchmark = {
  name: 'renderer',
  async run() {
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) return skip('the renderer is not built (npm run build)');
    if (!chromiumExecutable()) return skip('no Chromium (apt-get install chromium or set CHROMIUM_PATH)');
    const temp = makeTempDir('studio-bench-renderer-');
    const fake = await startFakeGemini();
    let browser: Browser | undefined;
    try {
      await seedLibrary(temp.dir);
      const harness = await startHarness({
        port: 0,
        dataDir: temp.dir,
        geminiBaseUrl: fake.baseUrl,
        geminiApiKey: fake.apiKey,
        logger: createMemoryLogger(),
        jobTimings: { pollIntervalMs: 250 },
      });
      try {
        browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await signIn(page, harness.url);
        const openMs = await galleryOpen(page);
        const fps = await galleryScroll(page);
        const latency = await inputLatency(page);
        return [
          { name: 'gallery_open_100k_ms', value: openMs, unit: 'ms' },
          { name: 'gallery_scroll_fps', value: fps, unit: 'fps' },
          { name: 'generator_input_latency_ms', value: latency, unit: 'ms' },
        ];
      } finally {
        await browser?.close();
        await harness.close();
      }
    } finally {
      await fake.close();
      temp.cleanup();
    }
  },
};

function skip(reason: string): BenchResult[] {
  console.log(`BENCH-SKIP renderer: ${reason}`);
  return [];
}

/** An admin (through the real route, so the password works) whose gallery holds 100 000 items. */
async function seedLibrary(dataDir: string): Promise<void> {
  const now = Date.UTC(2026, 10, 28, 12);
  const core = await createCore({
    dataDir,
    secretStore: new MemorySecretStore(),
    clock: new ManualClock(now),
    logger: createMemoryLogger(),
    env: {},
    sessionSweepMs: 0,
    ffmpegPath: null,
    bcryptCost: 4,
  });
  try {
    const result = await core.router.dispatch({ transportId: 'seed' }, 'auth.setup_first_admin', ADMIN);
    if (!result.ok) throw new Error(result.error.message);
    const adminId = (result.data as { userId: string }).userId;
    const other = seedUser(core, { email: 'user@bench.org', managedBy: [adminId] });
    const rows: SeedMediaRow[] = Array.from({ length: ITEMS }, (_, i) => ({
      userId: i % 2 ? adminId : other,
      createdAt: now - i * 60_000,
      prompt: `bench item ${i} harbour at dawn`,
      model: 'gemini-3.1-flash-image',
    }));
    const sharp = (await import('sharp')).default;
    const original = await sharp({ create: { width: 256, height: 192, channels: 3, background: '#4a6fa5' } })
      .png()
      .toBuffer();
    const thumbnail = await sharp({ create: { width: 256, height: 192, channels: 3, background: '#6a8fc5' } })
      .webp()
      .toBuffer();
    seedMediaRows(core.services.db, rows.slice(0, ITEMS_WITH_FILES), { dataDir, original, thumbnail });
    seedMediaRows(core.services.db, rows.slice(ITEMS_WITH_FILES));
  } finally {
    await core.shutdown();
  }
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-email').waitFor();
  // an admin who has set the studio up has dismissed the first-run checklist long ago
  const dismiss = page.getByRole('button', { name: 'Dismiss checklist' });
  if (await dismiss.isVisible()) await dismiss.click();
}

const navTo = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name })
    .or(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }))
    .first()
    .click();

// The functions below run inside the page; they are strings because this file is compiled for Node,
// without the DOM's types.

/**
 * Marks the time of the next click, then checks every frame until the first screen of the gallery
 * is painted: tiles down to the bottom of the viewport and every thumbnail of the first 60 rendered tiles
 * decoded (a virtualized grid renders only about a screen). The page's CSP forbids eval, so the
 * check runs as a frame loop installed once, not as a polled predicate.
 */
const WATCH_GALLERY_OPEN = `document.addEventListener('click', () => {
  window.__t0 = performance.now();
  const check = () => {
    const tiles = [...document.querySelectorAll('[data-testid="media-tile"]')];
    // the screen is full (justified rows make tiles of many sizes, so count rows by position, not tiles)
    const full = tiles.some((t) => t.getBoundingClientRect().bottom >= innerHeight);
    const images = tiles.slice(0, 60).map((t) => t.querySelector('img'));
    if (full && images.every((img) => img && img.complete && img.naturalWidth > 0)) window.__t1 = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}, { capture: true, once: true })`;

/** Scrolls the gallery's scrolling element 120 px a frame for two seconds; resolves frames per second. */
const SCROLL_FPS = `new Promise((resolve) => {
  const tile = document.querySelector('[data-testid="media-tile"]');
  let scroller = tile ? tile.parentElement : null;
  while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
  const target = scroller || document.scrollingElement;
  let frames = 0;
  const start = performance.now();
  const step = () => {
    frames++;
    target.scrollTop += 120;
    if (performance.now() - start < 2000) requestAnimationFrame(step);
    else resolve((frames * 1000) / (performance.now() - start));
  };
  requestAnimationFrame(step);
})`;

/** Records, for every key press, the delay until the frame after it was painted. */
const RECORD_KEY_TO_PAINT = `(() => {
  window.__latencies = [];
  document.addEventListener('keydown', (event) => {
    const pressed = event.timeStamp;
    // rAF runs before the frame is painted; a message posted from it arrives after the paint
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__latencies.push(performance.now() - pressed);
      channel.port2.postMessage(null);
    });
  }, { capture: true });
})()`;

/** Click → the first screen of thumbnails decoded and painted, timed inside the page. */
async function galleryOpen(page: Page): Promise<number> {
  await page.evaluate(WATCH_GALLERY_OPEN);
  await navTo(page, 'Gallery');
  const deadline = Date.now() + 60_000;
  while ((await page.evaluate<number | null>('window.__t1 === undefined ? null : window.__t1 - window.__t0')) === null) {
    if (Date.now() > deadline) {
      await page.screenshot({ path: '/tmp/bench-gallery-fail.png' });
      throw new Error('the gallery did not paint its first screen within 60 s');
    }
    await page.waitForTimeout(50);
  }
  return page.evaluate<number>('window.__t1 - window.__t0');
}

async function galleryScroll(page: Page): Promise<number> {
  return page.evaluate<number>(SCROLL_FPS);
}

/** Starts four images, then types into the prompt while they finish; the worst key → paint delay. */
async function inputLatency(page: Page): Promise<number> {
  await navTo(page, 'Image');
  const prompt = page.getByLabel('Prompt');
  await prompt.fill('A harbour at dawn');
  await page.getByRole('combobox', { name: 'Images' }).selectOption('4');
  await page.evaluate(RECORD_KEY_TO_PAINT);
  await page.getByRole('button', { name: /^Generate/ }).click();
  await prompt.press('End');
  for (let i = 0; i < 40; i++) await prompt.press(i % 2 ? 'Backspace' : 'x');
  await page.getByTestId('job-result').and(page.locator('[data-status="succeeded"]')).nth(3).waitFor({ timeout: 60_000 });
  const latencies = await page.evaluate<number[]>('window.__latencies');
  return Math.max(...latencies);
}
