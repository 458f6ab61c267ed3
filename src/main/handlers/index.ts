import type { Handlers } from '../router';
import type { Services } from '../services';
import { appHandlers } from './app';
import { mediaHandlers } from './media';

/** Every route's handler. Leaving one out is a type error here. */
export function createHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...mediaHandlers(s),
  };
}
