import type { z } from 'zod';
import type { Role } from '../domain/accounts';

/**
 * Who may call a route:
 * - `public`: anyone, signed in or not (status, login);
 * - `setup`: only while no account exists (first-run admin creation);
 * - `user`: any signed-in, active account;
 * - `admin`: a signed-in, active admin.
 *
 * The last two are the account roles: a route open to a role needs a signed-in actor.
 */
export type Access = 'public' | 'setup' | Role;

export interface RouteDef<
  Name extends string = string,
  In extends z.ZodType = z.ZodType,
  Out extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  readonly name: Name;
  readonly access: A;
  readonly input: In;
  readonly output: Out;
}

export function defineRoute<Name extends string, In extends z.ZodType, Out extends z.ZodType, A extends Access>(
  def: RouteDef<Name, In, Out, A>,
): RouteDef<Name, In, Out, A> {
  return def;
}

/** Turns a tuple of route definitions into a record keyed by route name. */
export function routeTable<const Defs extends readonly RouteDef[]>(...defs: Defs): { [D in Defs[number] as D['name']]: D } {
  return Object.fromEntries(defs.map((d) => [d.name, d])) as { [D in Defs[number] as D['name']]: D };
}
