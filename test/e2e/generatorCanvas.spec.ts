import './support/window';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/**
 * The generator's results canvas, at the two window sizes people use most: the Generate button
 * and the newest results are on screen without scrolling, a result opens the lightbox, Vary sends
 * one new request with the same prompt and options, and the lightbox keeps Escape after a
 * cancelled delete. axe-core checks the generator pages and the lightbox in both themes.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const;

/** The generation requests the page sends through the bridge, with their inputs. */
function watchGenerations(page: Page) {
  const sent: { route: string; input: Record<string, unknown> }[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/__studio/request') return;
    const body = JSON.parse(request.postData() ?? '{}') as { route?: string; input?: Record<string, unknown> };
    if (body.route?.startsWith('generation.') && body.route !== 'generation.models.list') sent.push({ route: body.route, input: body.input ?? {} });
  });
  return sent;
}

const results = (page: Page) => page.getByTestId('job-result');

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}: Generate and the new results are in view, a result opens the lightbox, Vary repeats the request`, async ({
    page,
    request,
    harness,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await seedPeople(request, harness, [{ email: 'ana@lab.org' }]);
    const sent = watchGenerations(page);
    await signIn(page, harness.url, 'ana@lab.org');
    await expect(page.getByRole('heading', { name: 'Image', level: 1 })).toBeVisible();

    await page.getByLabel('Prompt').fill('A lighthouse at dusk');
    await page.getByLabel('Aspect ratio').selectOption('16:9');
    await page.getByRole('combobox', { name: 'Images' }).selectOption('2');
    const generate = page.getByRole('button', { name: 'Generate 2 images' });
    await expect(generate).toBeInViewport({ ratio: 1 });
    await generate.click();

    // the jobs are in the canvas at once (placeholders, then results), in view without scrolling
    await expect(results(page)).toHaveCount(2);
    await expect(results(page).first()).toBeInViewport();
    await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(2);
    const first = results(page).first().getByRole('button', { name: 'Open: A lighthouse at dusk' });
    await expect(first).toBeInViewport({ ratio: 1 });
    await expect(generate).toBeInViewport({ ratio: 1 });
    expect(sent).toHaveLength(1);

    await first.click();
    const lightbox = page.getByRole('dialog');
    await expect(lightbox).toBeVisible();
    await expect(lightbox.getByRole('img', { name: 'A lighthouse at dusk' })).toBeVisible();

    // a cancelled delete keeps the lightbox working: Escape still closes it, focus back on the tile
    await lightbox.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.keyboard.press('Enter'); // Cancel has the focus
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(lightbox.getByRole('button', { name: 'Delete' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(lightbox).toHaveCount(0);
    await expect(first).toBeFocused();

    // Vary: one new request, the same prompt and options, one image
    await results(page).first().getByRole('button', { name: 'Vary: A lighthouse at dusk' }).click();
    await expect(results(page)).toHaveCount(3);
    await expect(results(page).first()).toBeInViewport();
    await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(3);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({
      route: 'generation.image.create',
      input: { prompt: 'A lighthouse at dusk', aspectRatio: '16:9', count: 1, model: sent[0]!.input.model ?? expect.any(String) },
    });
    // main agrees: three jobs of that prompt and ratio, no more
    const jobs = await page.evaluate(async () => {
      const answer = (await window.studio!.request('jobs.list', {})) as {
        ok: boolean;
        data?: { items: { prompt: string; params: Record<string, unknown> }[] };
      };
      return answer.data?.items ?? [];
    });
    expect(jobs.filter((j) => j.prompt === 'A lighthouse at dusk' && j.params.aspectRatio === '16:9')).toHaveLength(3);
  });
}

test('the toast\'s "Open" opens that item in the lightbox; Edit and Use as reference start from a result', async ({ page, request, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'ben@lab.org' }]);
  await signIn(page, harness.url, 'ben@lab.org');
  await page.getByLabel('Prompt').fill('A red kite over hills');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(1);
  await page.getByRole('status').getByRole('button', { name: 'Open' }).first().click();
  const lightbox = page.getByRole('dialog');
  await expect(lightbox.getByRole('img', { name: 'A red kite over hills' })).toBeVisible();
  await page.keyboard.press('Escape');

  await results(page).first().getByRole('button', { name: 'More actions: A red kite over hills' }).click();
  await page.getByRole('group', { name: 'Item actions' }).getByRole('button', { name: 'Use as reference' }).click();
  await expect(page.getByRole('group', { name: 'Reference images' }).getByRole('button', { name: 'Remove “A red kite over hills”' })).toBeVisible();

  await results(page).first().getByRole('button', { name: 'More actions: A red kite over hills' }).click();
  await page.getByRole('group', { name: 'Item actions' }).getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit', level: 1 })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Source image' }).getByRole('button', { name: 'Remove “A red kite over hills”' })).toBeVisible();
});

test('generator pages and the lightbox pass axe in light and dark', async ({ page, request, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'cy@lab.org' }]);
  // the sign-in page is there to type an email: it has the focus
  await page.goto(harness.url);
  await expect(page.getByLabel('Email')).toBeFocused();
  await signIn(page, harness.url, 'cy@lab.org');
  await page.getByLabel('Prompt').fill('A glass of water on a table');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(1);
  await expectAccessible(page, 'Image with a result');
  await results(page).first().getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'Lightbox over the canvas');
  await page.keyboard.press('Escape');
  await results(page)
    .first()
    .getByRole('button', { name: /^More actions/ })
    .click();
  await expect(page.getByRole('group', { name: 'Item actions' })).toBeVisible();
  await expectAccessible(page, 'A result tile’s menu');
  await page.keyboard.press('Escape');
  await openPage(page, 'Edit');
  await expect(page.getByRole('heading', { name: 'Edit', level: 1 })).toBeVisible();
  await expectAccessible(page, 'Edit');
  await openPage(page, 'Video');
  await expect(page.getByRole('heading', { name: 'Video', level: 1 })).toBeVisible();
  await expectAccessible(page, 'Video');
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(found, `${screen}, ${colorScheme} theme`).toEqual([]);
  }
}

test('below 1000 px the form comes first, and the canvas takes the top once there is a result', async ({ page, request, harness }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 900, height: 700 });
  await seedPeople(request, harness, [{ email: 'dee@lab.org' }]);
  await signIn(page, harness.url, 'dee@lab.org');
  const canvas = page.getByTestId('results-canvas');
  const prompt = page.getByLabel('Prompt');
  const top = async (locator: typeof canvas) => (await locator.boundingBox())!.y;
  expect(await top(prompt)).toBeLessThan(await top(canvas));
  await prompt.fill('A kite over the dunes');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(1);
  expect(await top(canvas)).toBeLessThan(await top(prompt));
  await expect(results(page).first()).toBeInViewport();
});
