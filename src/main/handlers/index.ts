import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { appHandlers } from './app';
import { generationHandlers } from './generation';
import { quotaHandlers } from './quotas';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { settingsHandlers } from './settings';
import { diagnosticsHandlers } from './diagnostics';
import { usersHandlers } from './users';
import { mediaHandlers } from './media';
import { draftHandlers } from './drafts';
import { recordsHandlers } from './records';

/** Every route's handler. Leaving one out is a type error here. */
export function createHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...generationHandlers(s),
    ...settingsHandlers(s),
    ...diagnosticsHandlers(s),
    ...quotaHandlers(s),
    ...authHandlers(s),
    ...usersHandlers(s),
    ...auditHandlers(s),
    ...mediaHandlers(s),
    ...draftHandlers(s),
    ...recordsHandlers(s),
  };
}
