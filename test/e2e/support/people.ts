import type { APIRequestContext, Page } from '@playwright/test';
import type { SeedItemGroup, SeedRequest, SeedResult, SeedUser as HarnessSeedUser } from '../../harness/seedRequest';
import { expect, type RunningHarness } from './harness';

/** The password of every account seeded for end-to-end specs. */
export const SEEDED_PASSWORD = 'tidal-granite-58';

/** A seeded account: every one gets SEEDED_PASSWORD. */
export type SeedUser = Omit<HarnessSeedUser, 'password'>;
export type { SeedItemGroup };

/** Accounts (and optionally gallery items) through the harness's test controls. */
export async function seedPeople(
  request: APIRequestContext,
  harness: RunningHarness,
  users: SeedUser[],
  items: SeedItemGroup[] = [],
): Promise<SeedResult> {
  const data: SeedRequest = { users: users.map((u) => ({ ...u, password: SEEDED_PASSWORD })), items };
  const response = await request.post(`${harness.url}__test/seed-media`, { data });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as SeedResult;
}

/** Signs a seeded account in through the real sign-in screen. */
export async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(SEEDED_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-email')).toHaveText(email);
}

/** Opens a page from the main navigation ("Gallery", or "Users" for "Admin · Users"). */
export function openPage(page: Page, name: string): Promise<void> {
  return page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(`(^|· )${name}$`) })
    .click();
}

/**
 * The journey an admin takes to cap someone's images: Admin · Users → "Quotas of <email>" → a daily
 * limit → Save. The admin must be signed in on `page`.
 */
export async function setDailyImageLimit(page: Page, email: string, limit: number): Promise<void> {
  await openPage(page, 'Users');
  await page.getByRole('button', { name: `Quotas of ${email}` }).click();
  const editor = page.getByRole('dialog');
  const change = editor.getByLabel('Change image quota');
  if (await change.count()) await change.check();
  await editor.getByLabel('Images period').selectOption('daily');
  await editor.getByLabel('Images limit').fill(String(limit));
  await editor.getByRole('button', { name: 'Save quotas' }).click();
  await expect(editor).toHaveCount(0);
}
