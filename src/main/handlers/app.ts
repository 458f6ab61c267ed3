import { count } from 'drizzle-orm';
import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';

export function appHandlers(s: Services): Pick<Handlers, 'app.status'> {
  return {
    'app.status': (_input, { actor }) => ({
      firstRun: s.db.select({ n: count() }).from(s.schema.user).get()?.n === 0,
      version: s.version,
      workstation: s.workstation(),
      apiKeySet: s.apiKeys.isSet(),
      signedIn: actor !== null,
    }),
  };
}
