import type { APIRequestContext, Page } from '@playwright/test';
import { expect, type RunningHarness } from './harness';

/** The password of every account seeded for end-to-end specs. */
export const SEEDED_PASSWORD = 'tidal-granite-58';

export interface SeedUser {
  email: string;
  role?: 'user' | 'admin';
  /** emails of the admins who manage this account */
  managedBy?: string[];
}

/** A group of seeded items (test/harness/seedControls.ts): sized, of a kind, some days old, versions of `parentId`. */
export interface SeedItemGroup {
  ownerEmail: string;
  count: number;
  promptPrefix?: string;
  width?: number;
  height?: number;
  kind?: 'image' | 'video' | 'input';
  durationMs?: number;
  daysAgo?: number;
  parentId?: string;
  color?: string;
}

/** Accounts (and optionally gallery items) through the harness's test controls. */
export async function seedPeople(
  request: APIRequestContext,
  harness: RunningHarness,
  users: SeedUser[],
  items: SeedItemGroup[] = [],
): Promise<{ users: Record<string, string>; items: Record<string, string[]> }> {
  const response = await request.post(`${harness.url}__test/seed-media`, {
    data: { users: users.map((u) => ({ ...u, password: SEEDED_PASSWORD })), items },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as { users: Record<string, string>; items: Record<string, string[]> };
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
