import type { Handlers } from '../router';
import type { Services } from '../services';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { usersHandlers } from './users';

/** Every route's handler. Leaving one out is a type error here. */
export function createHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...authHandlers(s),
    ...usersHandlers(s),
    ...auditHandlers(s),
  };
}
