import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type Envelope, fail, ok } from '../shared/contract/envelope';
import { StudioError } from '../shared/contract/errors';
import type { RouteName, Routes } from '../shared/contract/index';
import type { Access, RouteDef } from '../shared/contract/route';
import type { HandlerOutput, ParsedInput } from '../shared/contract/types';
import type { Role } from '../shared/domain/accounts';
import { DATABASE_BUSY_MESSAGE, isBusyError } from './db/tx';
import type { Actor, Caller } from './identity';
import type { Logger } from './logger';
import { storageErrorOf } from './storageErrors';

export type { Actor, Caller } from './identity';

export interface HandlerContext<A extends Access = Access> {
  caller: Caller;
  actor: A extends Role ? Actor : Actor | null;
}

export type Handler<K extends RouteName> = (
  input: ParsedInput<K>,
  ctx: HandlerContext<Routes[K]['access']>,
) => HandlerOutput<K> | Promise<HandlerOutput<K>>;

/** One handler per route: a route without a handler is a type error in the composition root. */
export type Handlers = { [K in RouteName]: Handler<K> };

export interface RouterDeps {
  routes: Record<string, RouteDef>;
  handlers: Record<string, (input: unknown, ctx: HandlerContext) => unknown>;
  /** maps the transport to a live session and its account; null when signed out or expired */
  resolveActor: (caller: Caller, route: string) => Actor | null;
  /** true while no account exists (routes with `setup` access) */
  isFirstRun: () => boolean;
  logger: Logger;
}

export interface Router {
  dispatch(caller: Caller, route: unknown, input: unknown): Promise<Envelope>;
}

/**
 * The single dispatch every transport uses: route lookup → session → access → input validation →
 * handler → output validation. Access is checked before the input is parsed, so a caller without
 * the right to a route learns nothing about its input shape. It never throws: every outcome is an
 * envelope, and an unexpected error reaches the caller as INTERNAL with a reference, never a stack.
 */
export function createRouter(deps: RouterDeps): Router {
  return {
    async dispatch(caller, routeName, rawInput) {
      try {
        // A transport passes whatever arrived: a route that is not a name is a malformed request, not our fault
        if (typeof routeName !== 'string') throw new StudioError('VALIDATION_FAILED', 'Invalid request — route: must be a route name (a string).');
        const route = typeof routeName === 'string' && Object.hasOwn(deps.routes, routeName) ? deps.routes[routeName] : undefined;
        const handler = route ? deps.handlers[route.name] : undefined;
        if (!route || !handler) throw new StudioError('NOT_FOUND', `Unknown route: ${String(routeName).slice(0, 80)}`);

        const actor = deps.resolveActor(caller, route.name);
        checkAccess(route.access, actor, deps.isFirstRun);

        const input = route.input.safeParse(rawInput);
        if (!input.success) throw validationError(input.error);

        const result = await handler(input.data, { caller, actor });

        const output = route.output.safeParse(result);
        if (!output.success) {
          throw new Error(`output of ${route.name} does not match its contract: ${output.error.message}`);
        }
        return ok(output.data);
      } catch (error) {
        if (error instanceof StudioError) return fail(error.toBody());
        // another process holds the database (a backup, a database browser): say so, not INTERNAL
        if (isBusyError(error)) return fail({ code: 'BUSY', message: DATABASE_BUSY_MESSAGE });
        const storage = storageErrorOf(error);
        if (storage) {
          deps.logger.warn('request failed: storage', {
            route: typeof routeName === 'string' ? routeName : null,
            code: storage.code,
            error: String(error),
          });
          return fail(storage.toBody());
        }
        const reference = randomUUID().slice(0, 8);
        deps.logger.error('request failed', {
          route: typeof routeName === 'string' ? routeName : null,
          reference,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        return fail({ code: 'INTERNAL', message: `Something went wrong on our side (reference ${reference}).` });
      }
    },
  };
}

function checkAccess(access: Access, actor: Actor | null, isFirstRun: () => boolean): void {
  switch (access) {
    case 'public':
      return;
    case 'setup':
      if (!isFirstRun()) throw new StudioError('FORBIDDEN', 'Setup is already complete. Sign in instead.');
      return;
    case 'user':
      if (!actor) throw new StudioError('UNAUTHENTICATED', 'Please sign in.');
      return;
    case 'admin':
      if (!actor) throw new StudioError('UNAUTHENTICATED', 'Please sign in.');
      if (actor.role !== 'admin') throw new StudioError('FORBIDDEN', 'This needs an admin account.');
      return;
  }
}

/** Names the offending field in the message, so a form can show it next to the right input. */
export function validationError(error: z.ZodError): StudioError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return new StudioError('VALIDATION_FAILED', `Invalid input — ${where}${first?.message ?? 'unknown problem'}`, { issues });
}
