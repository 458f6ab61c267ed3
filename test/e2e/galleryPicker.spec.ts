import './support/window';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/**
 * Input images chosen from the gallery (docs/generation-and-jobs.md) in Chromium through the harness: the picker lists
 * the person's generated and imported images, and what is chosen is sent as it is, by id.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const results = (page: Page) => page.getByTestId('job-result');

/** A small real PNG, drawn by the page itself, to import through the slots' file input. */
async function pngFromCanvas(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#3a7';
    ctx.fillRect(0, 0, 48, 48);
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
  return Buffer.from(base64, 'base64');
}

test('an edit takes its source from the gallery: the image made a moment ago is sent and the result links to it', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'ana@lab.org' }]);
  await signIn(page, harness.url, 'ana@lab.org');
  await page.getByLabel('Prompt').fill('Two lighthouses at dusk');
  await page.getByRole('button', { name: 'Generate image' }).click();
  await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(1);

  await openPage(page, 'Edit');
  const fromGallery = page.getByRole('button', { name: 'Source image from gallery' });
  await fromGallery.click();
  const picker = page.getByRole('dialog', { name: 'Source image from your gallery' });
  await expect(picker).toBeVisible();
  const choice = picker.getByRole('checkbox', { name: 'Use Two lighthouses at dusk' });
  await expect(picker.getByTestId('picker-tile').locator('img')).toHaveCount(1);
  await choice.check();
  await expect(picker).toContainText('1 chosen');
  await picker.getByRole('button', { name: 'Use selected' }).click();
  await expect(picker).toBeHidden();

  // the one source slot is full, so "From gallery" is disabled; focus lands on the chosen image
  await expect(fromGallery).toBeDisabled();
  const remove = page.getByRole('button', { name: 'Remove “Two lighthouses at dusk”' });
  await expect(remove).toBeFocused();
  await expect(page.getByRole('img', { name: '“Two lighthouses at dusk”' })).toBeVisible();

  await page.getByLabel('Instruction').fill('Make the sky stormy');
  await page.getByRole('button', { name: 'Apply edit' }).click();
  await expect(results(page).and(page.locator('[data-status="succeeded"]'))).toHaveCount(1);
  await expect(results(page).locator('img')).toHaveCount(1);

  // the edit was made from the chosen item itself (no copy was imported): two items, linked
  await openPage(page, 'Gallery');
  await expect(page.getByTestId('media-tile')).toHaveCount(2);
  await page.getByRole('button', { name: 'Image: Make the sky stormy', exact: true }).click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Source chain' })).toBeVisible();
  await expect(details).toContainText('Image — Two lighthouses at dusk');
});

test('the picker lists the gallery newest first (not a file picked for a page and not used yet), searches, loads more, limits the choice and works by keyboard', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'kim@lab.org' }], [{ ownerEmail: 'kim@lab.org', count: 30, promptPrefix: 'Harbour study' }]);
  await signIn(page, harness.url, 'kim@lab.org');

  // an imported input (newer than every seeded image), through the ordinary file input
  await page.locator('input[type="file"]').setInputFiles({ name: 'green.png', mimeType: 'image/png', buffer: await pngFromCanvas(page) });
  await expect(page.getByRole('button', { name: 'Remove green.png' })).toBeVisible();

  await openPage(page, 'Edit');
  const fromGallery = page.getByRole('button', { name: 'Extra reference images from gallery' });
  await fromGallery.focus();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Extra reference images from your gallery' });
  const boxes = picker.getByRole('checkbox');
  // one page of 24 images; the picked file joins the gallery only once a job uses it (docs/media.md)
  await expect(boxes).toHaveCount(24);
  await expect(boxes.first()).toHaveAccessibleName('Use Harbour study 0029');
  await expect(picker.getByRole('checkbox', { name: /^Use imported image from / })).toHaveCount(0);
  await picker.getByRole('button', { name: 'Load more' }).click();
  await expect(boxes).toHaveCount(30);
  await expect(boxes.last()).toHaveAccessibleName('Use Harbour study 0000');
  await expect(picker.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  // the default model takes 14 inputs, one of them the source: 13 references at most
  await picker.getByRole('searchbox', { name: 'Search prompts' }).fill('0007');
  await expect(boxes).toHaveCount(1);
  await boxes.first().focus();
  await page.keyboard.press('Space');
  await expect(boxes.first()).toBeChecked();
  await picker.getByRole('searchbox', { name: 'Search prompts' }).fill('');
  await expect(boxes).toHaveCount(30);
  await expect(picker.getByRole('checkbox', { name: 'Use Harbour study 0007' })).toBeChecked();
  await picker.getByRole('checkbox', { name: 'Use Harbour study 0012' }).check();
  await picker.getByRole('button', { name: 'Use selected' }).focus();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(fromGallery).toBeFocused();
  await expect(page.getByRole('button', { name: /^Remove “Harbour study 00(07|12)”$/ })).toHaveCount(2);

  // Esc closes without choosing, and focus is back on the button
  await page.keyboard.press('Enter');
  await expect(picker).toBeVisible();
  // already added images cannot be chosen twice (main would refuse the request)
  await expect(picker.getByRole('checkbox', { name: 'Use Harbour study 0007' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(fromGallery).toBeFocused();

  // the source slot takes one image: once one is ticked, the others cannot be
  await page.getByRole('button', { name: 'Source image from gallery' }).click();
  const sourcePicker = page.getByRole('dialog', { name: 'Source image from your gallery' });
  // an image already among the references cannot also be the source
  await expect(sourcePicker.getByRole('checkbox', { name: 'Use Harbour study 0012' })).toBeDisabled();
  await expect(sourcePicker.getByTestId('picker-tile').filter({ hasText: 'Already added' })).toHaveCount(2);
  await sourcePicker.getByRole('checkbox', { name: 'Use Harbour study 0029' }).check();
  await expect(sourcePicker.getByRole('checkbox', { name: 'Use Harbour study 0028' })).toBeDisabled();
  await sourcePicker.getByRole('button', { name: 'Cancel' }).click();
  await expect(sourcePicker).toBeHidden();
  await expect(page.getByRole('button', { name: 'Source image from gallery' })).toBeFocused();
});

test('a video’s first and last frames come from the gallery and the video records both', async ({ page, request, harness }) => {
  test.setTimeout(120_000);
  await seedPeople(request, harness, [{ email: 'vic@lab.org' }], [{ ownerEmail: 'vic@lab.org', count: 2, promptPrefix: 'Frame' }]);
  await signIn(page, harness.url, 'vic@lab.org');
  await openPage(page, 'Video');
  await page.getByRole('combobox', { name: 'Mode', exact: true }).selectOption({ label: 'First and last frame' });
  for (const [slot, prompt] of [
    ['First frame', 'Frame 0000'],
    ['Last frame', 'Frame 0001'],
  ] as const) {
    await page.getByRole('button', { name: `${slot} from gallery` }).click();
    const picker = page.getByRole('dialog', { name: `${slot} from your gallery` });
    await picker.getByRole('checkbox', { name: `Use ${prompt}` }).check();
    await picker.getByRole('button', { name: 'Use selected' }).click();
    await expect(picker).toBeHidden();
    await expect(page.getByRole('button', { name: `Remove “${prompt}”` })).toBeVisible();
  }
  await page.getByLabel('Prompt').fill('The light moves across the harbour');
  await page.getByRole('button', { name: 'Generate video' }).click();
  await page.getByRole('button', { name: /^Jobs/ }).click();
  await expect(page.getByRole('region', { name: 'Job queue' }).locator('[data-status="succeeded"]')).toHaveCount(1, { timeout: 30_000 });

  await openPage(page, 'Gallery');
  await page.getByRole('button', { name: /^Video: The light moves across the harbour/ }).click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Made from' })).toBeVisible();
  await expect(details).toContainText('Image — Frame 0000');
  await expect(details).toContainText('Image — Frame 0001');
});
