import type { Role } from '../shared/domain/accounts';

/**
 * Who is asking, as the services see it. This sits below the services and the router alike, so a
 * service never depends on the dispatcher that calls it (docs/architecture.md).
 */

/** Who is calling, as the transport knows it: never taken from the request input. */
export interface Caller {
  transportId: string;
}

/** The signed-in account behind a caller, loaded fresh for every request. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  sessionId: string;
}
