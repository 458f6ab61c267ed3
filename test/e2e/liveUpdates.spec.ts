import './support/window';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { seedPeople, signIn } from './support/people';

/**
 * Events instead of refetches (docs/renderer.md): main pushes the job, the quota status and the
 * new media ids as events, so one "Generate" click costs one request, and the result, the queue and
 * the quota meter still follow the job to its end. Requests are counted at the page's transport
 * (every `window.studio.request` of the harness bridge is one POST to /__studio/request).
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

/** Records the route of every bridge request the page sends, and how many are still unanswered. */
function watchBridge(page: Page) {
  const routes: string[] = [];
  let open = 0;
  const isBridge = (url: string) => new URL(url).pathname === '/__studio/request';
  page.on('request', (request) => {
    if (!isBridge(request.url())) return;
    open += 1;
    routes.push((JSON.parse(request.postData() ?? '{}') as { route?: string }).route ?? '?');
  });
  const done = (request: { url(): string }) => {
    if (isBridge(request.url())) open -= 1;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return { routes, open: () => open };
}

test('one Generate click sends exactly one request; the result, the queue and the quota meter still update live', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(90_000);
  await seedPeople(request, harness, [{ email: 'ana@lab.org' }]);
  const bridge = watchBridge(page);
  await signIn(page, harness.url, 'ana@lab.org');
  await expect(page.getByRole('heading', { name: 'Image', level: 1 })).toBeVisible();
  await expect(page.getByTestId('quota-remaining-image')).toContainText('50');
  // the page's first loads (account, models, jobs, quotas) are over before counting starts
  await expect.poll(() => bridge.routes.includes('jobs.list') && bridge.open() === 0).toBe(true);

  await page.getByLabel('Prompt').fill('A heron on one leg');
  // typing keeps the draft in main (one save about 500 ms later); the click is counted after it
  await expect.poll(() => bridge.routes.includes('drafts.save') && bridge.open() === 0).toBe(true);
  const before = bridge.routes.length;
  await page.getByRole('button', { name: 'Generate image' }).click();

  // the final job.updated makes the result appear; quota.changed moves the meter
  const result = page.getByTestId('job-result').and(page.locator('[data-status="succeeded"]'));
  await expect(result).toHaveCount(1);
  await expect(result.locator('img')).toHaveCount(1);
  await expect(page.getByTestId('quota-remaining-image')).toContainText('49');
  await expect(page.getByTestId('quota-meter-image-used')).toContainText('1');
  await page.getByRole('button', { name: /^Jobs/ }).click();
  const queue = page.getByRole('region', { name: 'Job queue' });
  await expect(queue.locator('[data-status="succeeded"]')).toHaveCount(1);
  await expect(queue).toContainText('A heron on one leg');

  await expect.poll(() => bridge.open()).toBe(0);
  expect(bridge.routes.slice(before)).toEqual(['generation.image.create']);
});
