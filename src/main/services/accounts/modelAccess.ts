import { eq, inArray } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { StudioEvents } from '../../../shared/contract/events';
import type { ModelAccessEntry } from '../../../shared/contract/routes/users';
import { AUDIT_ACTIONS } from '../../../shared/domain/audit';
import { type ModelAccess, modelAccessSchema } from '../../../shared/domain/modelAccess';
import type { Db } from '../../db/client';
import { user } from '../../db/schema';
import { withWriteTx } from '../../db/tx';
import type { Actor } from '../../identity';
import type { SettingsStore } from '../settings/settings';
import { type AccountDeps, audit } from './accounts';
import { canAccessUser } from './scope';

/** Where `models.changed` goes: the windows of one person (main's event hub). */
export interface ModelsChangedSink {
  toUser(userId: string, event: 'models.changed', payload: StudioEvents['models.changed']): void;
}

export interface ModelAccessDeps extends AccountDeps {
  settings: SettingsStore;
  events: ModelsChangedSink;
}

/**
 * What a person may use (docs/models-and-money.md, "Model access"): their own access when an admin
 * set one, else the workstation default. A stored value that no longer parses (written by a newer
 * version, or damaged) falls back to the default rather than to "anything goes".
 */
export function effectiveModelAccess(db: Db, settings: SettingsStore, userId: string): ModelAccess {
  return ownAccess(db, userId) ?? settings.get('defaultModelAccess');
}

/** `users.model_access.get`: each account's own access and what is in force, for accounts the admin may act on. */
export function getModelAccess(deps: ModelAccessDeps, actor: Actor, userIds: string[]): ModelAccessEntry[] {
  const ids = [...new Set(userIds)];
  assertAllInScope(deps.db, actor, ids);
  return describe(deps, ids);
}

/**
 * `users.model_access.set`: one access for every chosen account (null: back to the default), in one
 * transaction. One account outside the admin's scope refuses the whole request before anything is
 * written; each account's change is audited with before and after.
 */
export function setModelAccess(deps: ModelAccessDeps, actor: Actor, userIds: string[], access: ModelAccess | null): ModelAccessEntry[] {
  const ids = [...new Set(userIds)];
  const { db, clock } = deps;
  withWriteTx(db, () => {
    assertAllInScope(db, actor, ids);
    for (const entry of describe(deps, ids)) {
      db.update(user).set({ modelAccess: access, updatedAt: clock.now() }).where(eq(user.id, entry.userId)).run();
      audit(
        deps,
        AUDIT_ACTIONS.modelAccess,
        { id: actor.userId, email: actor.email },
        { id: entry.userId, email: entry.email },
        {
          before: entry.access,
          after: access,
        },
      );
    }
  });
  // after the commit: an open generator of each of them drops what they may no longer use
  announceModelsChanged(deps.events, ids);
  return describe(deps, ids);
}

/** Tells each person's windows that their allowed models changed (nothing for one signed out). */
export function announceModelsChanged(events: ModelsChangedSink, userIds: Iterable<string>): void {
  for (const userId of userIds) events.toUser(userId, 'models.changed', { userId });
}

/**
 * Who a change of the catalogue or the default access reaches: `everyone` for the catalogue (its
 * models and prices are everybody's), `default` for the people with no access of their own (a
 * stored value that no longer parses follows the default too, as `effectiveModelAccess` reads it).
 */
export function modelsAudience(db: Db, who: 'everyone' | 'default'): string[] {
  const rows = db.select({ id: user.id, modelAccess: user.modelAccess }).from(user).all();
  return rows.filter((row) => who === 'everyone' || parseAccess(row.modelAccess) === null).map((row) => row.id);
}

function describe(deps: ModelAccessDeps, ids: string[]): ModelAccessEntry[] {
  const rows = deps.db.select({ id: user.id, email: user.email, modelAccess: user.modelAccess }).from(user).where(inArray(user.id, ids)).all();
  const fallback = deps.settings.get('defaultModelAccess');
  return rows
    .map((row) => {
      const own = parseAccess(row.modelAccess);
      return { userId: row.id, email: row.email, access: own, effective: own ?? fallback };
    })
    .sort((a, b) => a.email.localeCompare(b.email));
}

function ownAccess(db: Db, userId: string): ModelAccess | null {
  const row = db.select({ modelAccess: user.modelAccess }).from(user).where(eq(user.id, userId)).get();
  return parseAccess(row?.modelAccess ?? null);
}

function parseAccess(value: unknown): ModelAccess | null {
  if (value === null || value === undefined) return null;
  const parsed = modelAccessSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function assertAllInScope(db: Db, actor: Actor, ids: string[]): void {
  for (const id of ids) {
    if (!canAccessUser(db, actor, id)) throw new StudioError('FORBIDDEN', 'You do not manage one of these accounts.');
  }
}
