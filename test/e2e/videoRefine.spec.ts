import './support/window';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/**
 * A refine of a refine: the Omni video's result is refined, then the *result of that refine* is
 * refined again. Each step must continue from the newest result, not from the original video: the
 * form moves on to a refine's result once it is done, and "Refine" on a result picks that result.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

interface JobSeen {
  prompt: string;
  status: string;
  parentMediaId: string | null;
  params: Record<string, unknown>;
  results: { id: string }[];
}

/** The person's jobs as main has them. */
function jobs(page: Page): Promise<JobSeen[]> {
  return page.evaluate(async () => {
    const answer = (await window.studio!.request('jobs.list', { limit: 100 })) as { ok: boolean; data?: { items: JobSeen[] } };
    return answer.data?.items ?? [];
  });
}

async function finished(page: Page, prompt: string): Promise<JobSeen> {
  await expect.poll(async () => (await jobs(page)).find((j) => j.prompt === prompt)?.status, { timeout: 30_000 }).toBe('succeeded');
  return (await jobs(page)).find((j) => j.prompt === prompt)!;
}

/** "More" on a result of the canvas, then its "Refine". */
async function refineResult(page: Page, prompt: string): Promise<void> {
  await page.getByRole('button', { name: `More actions: ${prompt}` }).click();
  await page
    .getByRole('group', { name: `Actions: ${prompt}` })
    .getByRole('button', { name: 'Refine' })
    .click();
}

test('refining the result of a refine continues from that latest result, not the original', async ({ page, request, harness }) => {
  test.setTimeout(150_000);
  await seedPeople(request, harness, [{ email: 'ben@lab.org' }]);
  await signIn(page, harness.url, 'ben@lab.org');
  await openPage(page, 'Video');
  await expect(page.getByLabel('Model')).toHaveValue('gemini-omni-1.1-flash');
  await page.getByLabel('Prompt').fill('A paper boat on a rainy street');
  await page.getByRole('button', { name: 'Generate video' }).click();
  const original = await finished(page, 'A paper boat on a rainy street');

  await refineResult(page, 'A paper boat on a rainy street');
  await expect(page.getByText('Refining “A paper boat on a rainy street”')).toBeVisible();
  await page.getByLabel('Instruction').fill('make the sky stormier');
  await page.getByRole('button', { name: 'Generate video' }).click();
  const first = await finished(page, 'make the sky stormier');
  expect(first.parentMediaId).toBe(original.results[0]!.id);

  // once the refine is done the form moves on to its result: the next press refines that, not the original
  await expect(page.getByText('Refining “make the sky stormier”')).toBeVisible();
  await expect(page.getByText('Refining “A paper boat on a rainy street”')).toHaveCount(0);
  await page.getByLabel('Instruction').fill('add a flash of lightning');
  await page.getByRole('button', { name: 'Generate video' }).click();
  const second = await finished(page, 'add a flash of lightning');

  // main agrees: the second refine's parent is the first refine's result, not the original
  expect(second.parentMediaId).toBe(first.results[0]!.id);
  expect(second.params.refineMediaId).toBe(first.results[0]!.id);
  expect(second.parentMediaId).not.toBe(original.results[0]!.id);
  const details = await page.evaluate(async (id) => {
    const answer = (await window.studio!.request('media.get', { id })) as { data?: { parentMediaId: string | null } };
    return answer.data;
  }, second.results[0]!.id);
  expect(details?.parentMediaId).toBe(first.results[0]!.id);

  // and "Refine" on a result chosen by hand continues from that result too
  await refineResult(page, 'add a flash of lightning');
  await expect(page.getByText('Refining “add a flash of lightning”')).toBeVisible();
  await page.getByLabel('Instruction').fill('slow the rain down');
  await page.getByRole('button', { name: 'Generate video' }).click();
  const third = await finished(page, 'slow the rain down');
  expect(third.parentMediaId).toBe(second.results[0]!.id);
});
