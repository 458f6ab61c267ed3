import { randomUUID } from 'node:crypto';
import type { Core } from '../../src/main/core';
import { user, userManager } from '../../src/main/db/schema';
import type { Role } from '../../src/shared/domain/accounts';

/**
 * Shortcuts for tests that are not about accounts: an account row and a signed-in transport
 * without going through bcrypt and the login route. Account tests use the real routes instead.
 */
export function seedUser(core: Core, options: { email?: string; role?: Role; managedBy?: string[]; isActive?: boolean } = {}): string {
  const id = randomUUID();
  const now = core.services.clock.now();
  core.services.db
    .insert(user)
    .values({
      id,
      email: options.email ?? `${id.slice(0, 8)}@example.org`,
      role: options.role ?? 'user',
      isActive: options.isActive ?? true,
      passwordHash: '$2b$04$seededhashnotusableforlogin000000000000000000000000000',
      createdAt: now,
      updatedAt: now,
    })
    .run();
  for (const adminId of options.managedBy ?? []) {
    core.services.db.insert(userManager).values({ adminId, userId: id, createdAt: now }).run();
  }
  return id;
}

/** Binds a session for `userId` to `transportId`, as a successful login would. */
export function signInAs(core: Core, transportId: string, userId: string): void {
  core.services.sessions.bind(transportId, userId);
}
