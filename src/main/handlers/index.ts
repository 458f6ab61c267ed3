import type { Handlers } from '../router';
import type { Services } from '../services';
import { appHandlers } from './app';
import { quotaHandlers } from './quotas';
import { settingsHandlers } from './settings';

/** Every route's handler. Leaving one out is a type error here. */
export function createHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...settingsHandlers(s),
    ...quotaHandlers(s),
  };
}
