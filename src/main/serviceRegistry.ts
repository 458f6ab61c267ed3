import type { WorkstationIdentity } from '../shared/domain/workstation';
import type { Clock } from './clock';
import type { Db } from './db/client';
import type * as schema from './db/schema';
import type { Logger } from './logger';
import type { AuthService, PasswordService, SessionStore } from './services/accounts';
import type { EventHub } from './services/app';
import type { Drafts } from './services/drafts';
import type { GenerationService, GenerationWorker, JobRepository, JobRunner } from './services/jobs';
import type { MediaDesktopHooks, MediaLibrary, MediaStore } from './services/media';
import type { QuotaAdmin, QuotaLedger, QuotaUsage } from './services/quotas';
import type { ApiKeyStore, CatalogueCheck, Diagnostics, SecretStore, SettingsAdmin, SettingsStore } from './services/settings';

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
  /** the settings page's audited changes (settings, API key, model catalogue) */
  settingsAdmin: SettingsAdmin;
  /** the admin's log folder and diagnostics zip */
  diagnostics: Diagnostics;
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
  /** the gallery's routes: list, details, favourites, import, delete, export, desktop actions */
  mediaLibrary: MediaLibrary;
  /** durable job rows */
  jobs: JobRepository;
  /** runs, cancels and recovers jobs */
  jobRunner: JobRunner;
  /** the worker thread that runs image calls and saves off main's event loop */
  generationWorker: GenerationWorker;
  /** validates generation requests and turns them into reserved jobs */
  generation: GenerationService;
  /** the catalogue's check with Google: by hand, at start, after a new key, daily */
  catalogueCheck: CatalogueCheck;
  /** each generator page's unsent draft, per person */
  drafts: Drafts;
}
