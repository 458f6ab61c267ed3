import './support/window';
import os from 'node:os';
import { expect, test } from './support/harness';

test('the real renderer shows first-run status that came from the core and its database', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();
  // the host name travelled: OS → core service → router → harness transport → renderer
  await expect(page.getByTestId('workstation-host')).toHaveText(os.hostname());
  // the bridge has exactly the two functions of the preload
  expect(await page.evaluate(() => Object.keys(window.studio ?? {}).sort())).toEqual(['on', 'request']);
});

test('the harness refuses requests from a connection it never issued', async ({ request, harness }) => {
  const response = await request.post(`${harness.url}__studio/request`, {
    headers: { 'x-studio-connection': 'forged' },
    data: { route: 'app.status', input: {} },
  });
  expect(response.status()).toBe(403);
});
