import { expect } from 'vitest';
import type { Envelope } from '../../src/shared/contract/envelope';
import type { StudioEventName } from '../../src/shared/contract/events';
import type { TestCore } from './testCore';

/** A password that passes every rule (10+ characters, not on the common list). */
export const GOOD_PASSWORD = 'violet-harbour-42';
export const OTHER_PASSWORD = 'copper-lantern-97';

/** The data of a successful envelope; fails the test with the error otherwise. */
export function data<T = any>(envelope: Envelope): T {
  if (!envelope.ok) expect.fail(`expected success, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
}

/** The error code and message of a failed envelope; fails the test on success. */
export function failure(envelope: Envelope): { code: string; message: string; details?: unknown } {
  if (envelope.ok) expect.fail(`expected a failure, got ${JSON.stringify(envelope.data)}`);
  return envelope.error;
}

/** Creates the first admin through the real route and leaves `transport` signed in as them. */
export async function setupFirstAdmin(t: TestCore, email = 'admin@lab.example', transport = 'admin-window'): Promise<{ userId: string; email: string; transport: string }> {
  const me = data<{ userId: string }>(await t.call(transport, 'auth.setup_first_admin', { email, password: GOOD_PASSWORD }));
  return { userId: me.userId, email, transport };
}

/** Invites `email` as `adminTransport`'s admin and returns the new account's id and code. */
export async function invite(t: TestCore, adminTransport: string, email: string, role: 'user' | 'admin' = 'user'): Promise<{ userId: string; code: string }> {
  const { results } = data<{ results: { status: string; userId: string; code: string }[] }>(
    await t.call(adminTransport, 'users.invite', { emails: [email], role }),
  );
  expect(results[0]?.status).toBe('created');
  return { userId: results[0]!.userId, code: results[0]!.code };
}

/** Invites, redeems the code on `transport` and leaves it signed in as the new account. */
export async function inviteAndSignIn(
  t: TestCore,
  adminTransport: string,
  email: string,
  options: { role?: 'user' | 'admin'; transport?: string; password?: string } = {},
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
