import './support/window';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, launchHarness, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/**
 * Drafts, prompt history and attachment messages in Chromium through the harness (docs/renderer.md,
 * "Drafts and prompt history"): what a person was writing is kept by main for them alone.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const prompt = (page: Page) => page.getByRole('textbox', { name: 'Prompt', exact: true });
const results = (page: Page) => page.getByTestId('job-result');

/** Resolves once main has answered a drafts.save carrying `text` (the debounced save, or the one sent on leaving). */
function draftSaved(page: Page, text: string) {
  return page.waitForResponse(
    (r) =>
      r.url().endsWith('/__studio/request') &&
      (r.request().postData() ?? '').includes('"drafts.save"') &&
      (r.request().postData() ?? '').includes(text),
  );
}

test('a draft survives Image → Gallery → Image and a restart, and the next person at the workstation sees none of it', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'ana@lab.org' }, { email: 'ben@lab.org' }]);
  await signIn(page, harness.url, 'ana@lab.org');

  const text = 'A lighthouse at dusk, long exposure, waves on the rocks';
  const saved = draftSaved(page, text);
  await prompt(page).fill(text);
  await page.getByLabel('Aspect ratio').selectOption('3:2');
  await page.getByRole('combobox', { name: 'Images' }).selectOption('2');
  await saved;

  await openPage(page, 'Gallery');
  await openPage(page, 'Image');
  await expect(prompt(page)).toHaveValue(text);
  await expect(page.getByLabel('Aspect ratio')).toHaveValue('3:2');
  await expect(page.getByRole('combobox', { name: 'Images' })).toHaveValue('2');

  // the app restarts on the same data folder: the draft is main's, not the page's
  await harness.stop();
  const again = await launchHarness({ dataDir: harness.dataDir, env: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });
  try {
    await signIn(page, again.url, 'ana@lab.org');
    await expect(prompt(page)).toHaveValue(text);
    await expect(page.getByLabel('Aspect ratio')).toHaveValue('3:2');

    // Ana signs out; Ben signs in at the same workstation and finds his own empty page
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, again.url, 'ben@lab.org');
    await expect(prompt(page)).toHaveValue('');
    await expect(page.getByLabel('Aspect ratio')).toHaveValue('');
    await openPage(page, 'Edit');
    await expect(page.getByRole('textbox', { name: 'Instruction' })).toHaveValue('');
  } finally {
    await again.stop();
  }
});

test('sending keeps the prompt; ↑ in an empty prompt and "Earlier prompts" bring back what was sent', async ({ page, request, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'ana@lab.org' }]);
  await signIn(page, harness.url, 'ana@lab.org');

  for (const text of ['A red kite over the dunes', 'Two lighthouses at dusk']) {
    await prompt(page).fill(text);
    await page.getByRole('button', { name: 'Generate image' }).click();
    await expect(prompt(page)).toHaveValue(text);
  }
  await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(2);

  await prompt(page).fill('');
  await prompt(page).press('ArrowUp');
  await expect(prompt(page)).toHaveValue('Two lighthouses at dusk');

  // the list beside the prompt: searchable, keyboard operable, Escape gives focus back
  const button = page.getByRole('button', { name: 'Earlier prompts' });
  await button.click();
  const search = page.getByRole('combobox', { name: 'Search earlier prompts' });
  await expect(search).toBeFocused();
  const options = page.getByRole('listbox', { name: 'Earlier prompts' }).getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.first()).toContainText('Two lighthouses at dusk');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      `the open list of earlier prompts, ${colorScheme}`,
    ).toEqual([]);
  }
  await search.press('Escape');
  await expect(search).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await search.fill('kite');
  await expect(options).toHaveCount(1);
  await search.press('Enter');
  await expect(prompt(page)).toHaveValue('A red kite over the dunes');
  await expect(prompt(page)).toBeFocused();
});

test('a file over 20 MB among several is named with the limit; the others are added and the message goes when the inputs change', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'ana@lab.org' }]);
  await signIn(page, harness.url, 'ana@lab.org');
  await openPage(page, 'Edit');

  const png = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    canvas.getContext('2d')!.fillRect(0, 0, 48, 48);
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
  const huge = Buffer.alloc(27 * 1024 * 1024, 1);
  const refs = page.getByRole('group', { name: 'Extra reference images' });
  await refs.locator('input[type="file"]').setInputFiles([
    { name: 'style.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
    { name: 'holiday.png', mimeType: 'image/png', buffer: huge },
  ]);
  const refused = refs.getByRole('alert');
  await expect(refused.getByRole('listitem')).toHaveText([
    'notes.txt is not a PNG, JPEG or WebP image; only those can be used.',
    'holiday.png is 27 MB; the limit is 20 MB.',
  ]);
  await expect(refs.getByRole('img', { name: 'style.png' })).toBeVisible();

  await refs.getByRole('button', { name: 'Remove style.png' }).click();
  await expect(refused).toBeHidden();

  // alone, the same file gets the same message
  await page
    .getByRole('group', { name: 'Source image' })
    .locator('input[type="file"]')
    .setInputFiles({ name: 'holiday.png', mimeType: 'image/png', buffer: huge });
  await expect(page.getByRole('group', { name: 'Source image' }).getByRole('alert')).toHaveText('holiday.png is 27 MB; the limit is 20 MB.');
});
