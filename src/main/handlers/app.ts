import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { appStatus } from '../services/app';

export function appHandlers(s: Services): Pick<Handlers, 'app.status'> {
  return {
    'app.status': (_input, { actor }) => appStatus(s, actor),
  };
}
