import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import './support/window';
import { expect, test } from './support/harness';
import { readLogs, secretsInLogs } from './support/logScan';
import { openPage, SEEDED_PASSWORD, seedPeople, signIn } from './support/people';

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

test('an admin saves diagnostics in the harness and sees where the zip went; it holds the logs and no prompt, email or password', async ({
  page,
  request,
  harness,
}) => {
  const prompt = 'A lighthouse drawn by a very private octopus';
  await seedPeople(request, harness, [{ email: 'root@lab.org', role: 'admin' }]);
  await signIn(page, harness.url, 'root@lab.org');
  await page.getByLabel('Prompt').fill(prompt);
  await page.getByRole('button', { name: /^Generate/ }).click();
  await expect(page.locator('[data-testid="job-result"][data-status="succeeded"]')).toHaveCount(1);

  await openPage(page, 'Settings');
  const section = page.getByRole('region', { name: 'Logs and diagnostics' });
  await expect(section.getByTestId('log-folder')).toHaveText(path.join(harness.dataDir, 'logs'));
  // no file manager in a browser: the folder is named, not opened
  await expect(section.getByRole('button', { name: 'Open log folder' })).toHaveCount(0);
  await section.getByRole('button', { name: 'Save diagnostics' }).click();
  const saved = section.getByTestId('diagnostics-saved');
  await expect(saved).toContainText(/^Diagnostics saved \(\d+(\.\d+)? KB\) to /);
  const zipPath = ((await saved.textContent()) ?? '').replace(/^.* to /, '');
  expect(path.dirname(zipPath)).toBe(path.join(harness.dataDir, 'exports'));

  const zip = Object.fromEntries(Object.entries(unzipSync(fs.readFileSync(zipPath))).map(([name, bytes]) => [name, strFromU8(bytes)]));
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(['versions.json', 'settings.json', 'catalogue.json', 'counts.json', 'logs/studio.log']));
  expect(JSON.parse(zip['counts.json']!)).toMatchObject({ jobsLast7Days: { byStatus: { succeeded: 1 } }, media: { total: 1 } });
  const everything = Object.values(zip).join('\n');
  for (const secret of [prompt, 'root@lab.org', SEEDED_PASSWORD, 'test-key']) expect(everything).not.toContain(secret);
});
