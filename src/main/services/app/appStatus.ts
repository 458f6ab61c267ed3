import { count } from 'drizzle-orm';
import type { RouteOutput } from '../../../shared/contract/types';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Db } from '../../db/client';
import { user } from '../../db/schema';
import type { Actor } from '../../identity';

export interface AppStatusDeps {
  db: Db;
  version: string;
  workstation: () => WorkstationIdentity;
  apiKeys: { isSet(): boolean };
}

/** What the renderer asks first: is this the first run, who is this workstation, is a key set. */
export function appStatus(deps: AppStatusDeps, actor: Actor | null): RouteOutput<'app.status'> {
  return {
    firstRun: deps.db.select({ n: count() }).from(user).get()?.n === 0,
    version: deps.version,
    workstation: deps.workstation(),
    apiKeySet: deps.apiKeys.isSet(),
    signedIn: actor !== null,
  };
}
