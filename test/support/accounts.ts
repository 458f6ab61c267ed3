import { expect } from 'vitest';
import { data } from './client';
import type { StudioEventName } from '../../src/shared/contract/events';
import type { Role } from '../../src/shared/domain/accounts';
import type { TestCore } from './testCore';

/** A password that passes every rule (10+ characters, not on the common list). */
export const GOOD_PASSWORD = 'violet-harbour-42';
export const OTHER_PASSWORD = 'copper-lantern-97';

export { data, failure } from './client';

/** Creates the first admin through the real route and leaves `transport` signed in as them. */
export async function setupFirstAdmin(
  t: TestCore,
  email = 'admin@lab.example',
  transport = 'admin-window',
): Promise<{ userId: string; email: string; transport: string }> {
  const me = data(await t.call(transport, 'auth.setup_first_admin', { email, password: GOOD_PASSWORD }));
  return { userId: me.userId, email, transport };
}

/** Invites `email` as `adminTransport`'s admin and returns the new account's id and code. */
export async function invite(t: TestCore, adminTransport: string, email: string, role: Role = 'user'): Promise<{ userId: string; code: string }> {
  const { results } = data(await t.call(adminTransport, 'users.invite', { emails: [email], role }));
  const created = results[0];
  if (created?.status !== 'created' || !created.userId || !created.code) expect.fail(`invite of ${email}: ${JSON.stringify(created)}`);
  return { userId: created.userId, code: created.code };
}

/** Invites, redeems the code on `transport` and leaves it signed in as the new account. */
export async function inviteAndSignIn(
  t: TestCore,
  adminTransport: string,
  email: string,
  options: { role?: Role; transport?: string; password?: string } = {},
): Promise<{ userId: string; email: string; transport: string; password: string }> {
  const { userId, code } = await invite(t, adminTransport, email, options.role);
  const transport = options.transport ?? `${email}-window`;
  const password = options.password ?? GOOD_PASSWORD;
  data(await t.call(transport, 'auth.redeem_code', { email, code, password }));
  return { userId, email, transport, password };
}

/** Records the events main sends to one transport. */
export function captureEvents(t: TestCore, transport: string): { event: StudioEventName; payload: unknown }[] {
  const seen: { event: StudioEventName; payload: unknown }[] = [];
  t.core.events.connect(transport, (event, payload) => seen.push({ event, payload }));
  return seen;
}

export async function auditActions(t: TestCore): Promise<string[]> {
  const rows = t.core.services.db.$client.prepare('SELECT action FROM audit_entry ORDER BY id').all() as { action: string }[];
  return rows.map((r) => r.action);
}
