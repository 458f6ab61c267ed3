import './support/window';
import { expect, test } from './support/harness';
import { readLogs, secretsInLogs } from './support/logScan';
import { SEEDED_PASSWORD, seedPeople, signIn } from './support/people';

/**
 * The studio's own log (what an admin opens or sends when a job fails strangely): a file in the
 * data folder, one line per failed job with its id and error code, and no secret in it.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

test('a failed job leaves one log line with its id and error code, and the log holds no secret', async ({ page, request, harness }) => {
  await seedPeople(request, harness, [{ email: 'ana@lab.org' }]);
  await signIn(page, harness.url, 'ana@lab.org');
  await page.getByLabel('Prompt').fill('A harbour at dawn [500]');
  await page.getByRole('button', { name: /^Generate/ }).click();
  const failed = page.locator('[data-testid="job-result"][data-status="failed"]');
  await expect(failed).toHaveCount(1);

  await harness.stop();
  const lines = readLogs(harness.dataDir)
    .split('\n')
    .filter((line) => line.includes('job ended without a result'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 'warn', kind: 'image', status: 'failed', code: 'PROVIDER_ERROR' });
  expect(lines[0]!.jobId).toMatch(/^[0-9a-f-]{36}$/);
  expect(secretsInLogs(harness.dataDir, [SEEDED_PASSWORD, 'A harbour at dawn'])).toEqual([]);
});
