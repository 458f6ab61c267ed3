import './support/window';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { openPage, seedPeople, signIn } from './support/people';

/**
 * The gallery as a person sees it: tiles at their items' aspect ratios in justified rows, a count,
 * a heading per day, the owner on an admin's view of someone else's item, and in the lightbox the
 * versions of a piece of work with a side-by-side comparison.
 */
test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } });

const tile = (page: Page, name: string) => page.getByTestId('media-tile').filter({ has: page.getByRole('button', { name, exact: true }) });

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(found, `${screen}, ${colorScheme} theme`).toEqual([]);
  }
}

test('tiles keep their aspect ratio in one row, with the count, day headings and, for an admin, the owner', async ({ page, request, harness }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedPeople(
    request,
    harness,
    [
      { email: 'ada@lab.org', role: 'admin' },
      { email: 'bo@lab.org', managedBy: ['ada@lab.org'] },
    ],
    [
      { ownerEmail: 'bo@lab.org', count: 3, promptPrefix: 'Old study', daysAgo: 3, color: '#8a5a44' },
      { ownerEmail: 'bo@lab.org', count: 1, promptPrefix: 'Bo sketch', color: '#44708a' },
      { ownerEmail: 'ada@lab.org', count: 1, promptPrefix: 'Tall lighthouse', width: 900, height: 1600, color: '#2f6b4f' },
      { ownerEmail: 'ada@lab.org', count: 1, promptPrefix: 'Wide harbour', width: 1600, height: 900, color: '#6a4f8a' },
      { ownerEmail: 'ada@lab.org', count: 1, promptPrefix: 'Night drive', kind: 'video', width: 1280, height: 720, durationMs: 8000 },
    ],
  );
  await signIn(page, harness.url, 'ada@lab.org');
  await openPage(page, 'Gallery');

  await expect(page.getByTestId('gallery-count')).toHaveText('7 items');

  // a 16:9 and a 9:16 item in the same row: same height, the wide one about three times as wide
  const wide = await tile(page, 'Image: Wide harbour 0000').boundingBox();
  const tall = await tile(page, 'Image: Tall lighthouse 0000').boundingBox();
  expect(wide && tall).toBeTruthy();
  expect(Math.round(wide!.y)).toBe(Math.round(tall!.y));
  expect(Math.round(wide!.height)).toBe(Math.round(tall!.height));
  expect(wide!.width / tall!.width).toBeGreaterThan(2.5);
  // the video shows its poster with its duration, at 16:9 too
  const video = tile(page, 'Video: Night drive 0000');
  await expect(video).toContainText('0:08');
  await expect(video.locator('img')).toBeVisible();
  const videoBox = await video.boundingBox();
  expect(videoBox!.width / videoBox!.height).toBeCloseTo(16 / 9, 0);

  // one heading per local day, in the workstation's date style
  const days = page.getByTestId('gallery-day');
  await expect(days).toHaveCount(2);
  const today = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(Date.now()));
  await expect(days.first().getByRole('heading', { level: 2 })).toHaveText(today);

  // the admin sees whose item it is on other people's tiles, not on their own
  const bos = tile(page, 'Image: Bo sketch 0000');
  await expect(bos.getByTestId('tile-owner')).toHaveText('bo@lab.org');
  await expect(bos.getByRole('button', { name: 'Image: Bo sketch 0000' })).toHaveAccessibleDescription('bo@lab.org');
  await expect(tile(page, 'Image: Tall lighthouse 0000').getByTestId('tile-owner')).toHaveCount(0);

  // a search says how many it found
  await page.getByRole('searchbox', { name: 'Search prompts' }).fill('old study');
  await expect(page.getByTestId('gallery-count')).toHaveText('3 results');
  await expect(page.getByTestId('media-tile')).toHaveCount(3);
});

test('the lightbox steps through the versions of an item and compares two with a divider that moves with the keyboard', async ({
  page,
  request,
  harness,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const people = [{ email: 'cy@lab.org' }];
  const original = (
    await seedPeople(request, harness, people, [{ ownerEmail: 'cy@lab.org', count: 1, promptPrefix: 'Fox original', width: 1024, height: 1024 }])
  ).items['cy@lab.org']![0]!;
  const edits = (
    await seedPeople(
      request,
      harness,
      [],
      [{ ownerEmail: 'cy@lab.org', count: 2, promptPrefix: 'Fox edit', parentId: original, width: 1024, height: 1024, color: '#8a6a44' }],
    )
  ).items['cy@lab.org']!;
  await seedPeople(
    request,
    harness,
    [],
    [{ ownerEmail: 'cy@lab.org', count: 1, promptPrefix: 'Fox edit of edit', parentId: edits[0], color: '#446a8a' }],
  );

  await signIn(page, harness.url, 'cy@lab.org');
  await openPage(page, 'Gallery');
  await expect(page.getByTestId('gallery-count')).toHaveText('4 items');
  await expectNoAxeViolations(page, 'Gallery');

  await page.getByRole('button', { name: 'Image: Fox original 0000', exact: true }).click();
  const lightbox = page.getByRole('dialog').first();
  const versions = lightbox.getByRole('list', { name: 'Versions of this item' });
  await expect(versions.getByRole('button')).toHaveCount(4);
  await expect(versions.getByRole('button', { name: /^Version 1 \(original\)/ })).toHaveAttribute('aria-current', 'true');
  // depth first: the first edit, the edit made from it, then the second edit
  const names = [
    'Version 1 (original): Fox original 0000',
    'Version 2, made from version 1: Fox edit 0000',
    'Version 3, made from version 2: Fox edit of edit 0000',
    'Version 4, made from version 1: Fox edit 0001',
  ];
  for (const [i, name] of names.entries()) await expect(versions.getByRole('button').nth(i)).toHaveAccessibleName(name);

  await lightbox.getByRole('button', { name: 'Next version' }).click();
  await expect(lightbox.getByTestId('details-prompt')).toHaveText('Fox edit 0000');
  await lightbox.getByRole('button', { name: 'Next version' }).click();
  await expect(lightbox.getByTestId('details-prompt')).toHaveText('Fox edit of edit 0000');
  await versions.getByRole('button', { name: /^Version 1/ }).click();
  await expect(lightbox.getByTestId('details-prompt')).toHaveText('Fox original 0000');
  // the strip stays in place: focus is still on the version just pressed
  await expect(versions.getByRole('button', { name: /^Version 1/ })).toBeFocused();
  await versions.getByRole('button', { name: /^Version 3/ }).click();
  await expect(lightbox.getByTestId('details-prompt')).toHaveText('Fox edit of edit 0000');

  // compare the open version with the one it was made from
  await lightbox.getByRole('button', { name: 'Compare…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare versions' });
  await expect(compare).toBeVisible();
  await expect(compare.getByLabel('Left')).toHaveValue('1');
  await expect(compare.getByLabel('Right')).toHaveValue('2');
  await expect(compare.getByRole('img', { name: 'Version 2, left' })).toBeVisible();
  await expect(compare.getByRole('img', { name: 'Version 3, right' })).toBeVisible();
  const divider = compare.getByRole('slider', { name: 'Divider' });
  await expect(divider).toBeFocused();
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  const before = (await divider.boundingBox())!.x;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '60');
  expect((await divider.boundingBox())!.x).toBeGreaterThan(before);
  await page.keyboard.press('Home');
  await expect(divider).toHaveAttribute('aria-valuenow', '0');
  // both pictures in the same box: the same size on screen
  const left = await compare.getByRole('img', { name: 'Version 2, left' }).boundingBox();
  const right = await compare.getByRole('img', { name: 'Version 3, right' }).boundingBox();
  expect(left).toEqual(right);
  await compare.getByLabel('Left').selectOption({ label: 'Version 1 (original)' });
  await expect(compare.getByRole('img', { name: 'Version 1 (original), left' })).toBeVisible();
  await compare.getByRole('button', { name: 'Zoom in' }).click();
  await expect(compare.getByText('150 %')).toBeVisible();
  expect((await compare.getByRole('img', { name: 'Version 1 (original), left' }).boundingBox())!.width).toBeGreaterThan(right!.width * 1.4);
  await expectNoAxeViolations(page, 'Lightbox with the comparison open');

  // Escape closes the comparison only; the lightbox stays, focus back on Compare
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();
  await expect(lightbox.getByRole('button', { name: 'Compare…' })).toBeFocused();
  await expectNoAxeViolations(page, 'Lightbox with versions');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
