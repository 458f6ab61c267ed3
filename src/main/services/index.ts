import type { WorkstationIdentity } from '../../shared/domain/workstation';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import type * as schema from '../db/schema';
import type { Logger } from '../logger';
import type { ApiKeyStore } from './apiKey';
import type { AuthService } from './auth';
import type { EventHub } from './eventHub';
import type { PasswordService } from './passwords';
import type { SecretStore } from './secretStore';
import type { SessionStore } from './sessions';
import type { SettingsStore } from './settings';

/** What handlers may use: the services of the core, wired once in `createCore`. */
export interface Services {
  db: Db;
  schema: typeof schema;
  clock: Clock;
  logger: Logger;
  version: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  sessions: SessionStore;
  settings: SettingsStore;
  events: EventHub;
  secretStore: SecretStore;
  workstation: () => WorkstationIdentity;
  apiKeys: ApiKeyStore;
  /** password rules and bcrypt at the configured cost */
  passwords: PasswordService;
  /** sign-in, first run, setup codes, password changes */
  auth: AuthService;
}
