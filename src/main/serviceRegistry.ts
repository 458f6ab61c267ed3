import type { ModelCheckResult } from '../shared/contract/routes/settings';
import type { WorkstationIdentity } from '../shared/domain/workstation';
import type { Clock } from './clock';
import type { Db } from './db/client';
import type * as schema from './db/schema';
import type { Logger } from './logger';
import type { ApiKeyStore } from './services/settings/apiKey';
import type { AuthService } from './services/accounts/auth';
import type { EventHub } from './services/app/eventHub';
import type { GenerationService } from './services/jobs/generationService';
import type { JobRepository } from './services/jobs/jobRepository';
import type { JobRunner } from './services/jobs/jobRunner';
import type { QuotaAdmin } from './services/quotas/quotaAdmin';
import type { QuotaLedger } from './services/quotas/quotaLedger';
import type { QuotaUsage } from './services/quotas/quotaUsage';
import type { PasswordService } from './services/accounts/passwords';
import type { MediaDesktopHooks } from './services/media/desktopHooks';
import type { MediaStore } from './services/media/mediaStore';
import type { SecretStore } from './services/settings/secretStore';
import type { SessionStore } from './services/accounts/sessions';
import type { SettingsStore } from './services/settings/settings';

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
  /** reserve → commit/release for generation; start-up recovery primitives */
  quotaLedger: QuotaLedger;
  /** admin policy changes, usage resets, the default policy */
  quotaAdmin: QuotaAdmin;
  /** policies in force and current usage (status, reports) */
  quotaUsage: QuotaUsage;
  /** password rules and bcrypt at the configured cost */
  passwords: PasswordService;
  /** sign-in, first run, setup codes, password changes */
  auth: AuthService;
  /** the media library's files (durable writes, thumbnails, deletion) */
  media: MediaStore;
  /** prefix of media URLs in DTOs: `studio-media://media/` (Electron) or `/media/` (harness) */
  mediaUrlBase: string;
  /** native dialogs and the file manager, when the transport has them (Electron) */
  mediaDesktop: MediaDesktopHooks;
  /** durable job rows */
  jobs: JobRepository;
  /** runs, cancels and recovers jobs */
  jobRunner: JobRunner;
  /** validates generation requests and turns them into reserved jobs */
  generation: GenerationService;
  /** asks Google whether each model id still exists (never throws per model; NO_API_KEY up front) */
  checkModels: (ids: readonly string[]) => Promise<ModelCheckResult[]>;
}
