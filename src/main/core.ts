import fs from 'node:fs';
import path from 'node:path';
import { routes } from '../shared/contract/index';
import { MEDIA_URL_BASE } from '../shared/contract/mediaUrl';
import type { Envelope } from '../shared/contract/envelope';
import type { WorkstationIdentity } from '../shared/domain/workstation';
import { dependencies, version as appVersion } from '../../package.json';
import { type Clock, systemClock } from './clock';
import { closeDb, openDb } from './db/client';
import * as schema from './db/schema';
import { createHandlers } from './handlers';
import { createFileLogger, logDirOf } from './logFile';
import type { Logger } from './logger';
import { type Caller, createRouter, type Handlers, type RouterDeps } from './router';
import {
  ABSOLUTE_SESSION_MS,
  AuthService,
  createActorResolver,
  DEFAULT_BCRYPT_COST,
  findResourcesDir,
  loadCommonPasswords,
  PasswordService,
  provisionAdminFromEnv,
  resetAdmin,
  SessionStore,
  effectiveModelAccess,
  announceModelsChanged,
  modelsAudience,
} from './services/accounts';
import { EventHub, type EventSink, readWorkstationIdentity } from './services/app';
import { rulesInForce } from '../shared/domain/priceTable';
import { Drafts } from './services/drafts';
import { createGenAi, createOmniProvider, createVeoProvider, DEFAULT_MODEL_CHECK, listModelIds, type ModelCheckOptions } from './services/gemini';
import {
  DEFAULT_JOB_TIMINGS,
  GenerationService,
  GenerationWorker,
  JobRepository,
  JobRunner,
  type JobTimings,
  PendingResults,
  withJobCost,
} from './services/jobs';
import {
  bundledFfmpegPath,
  createMediaPort,
  createMediaServer,
  MediaLibrary,
  type MediaDesktopHooks,
  mediaUrl,
  startMediaLibrary,
} from './services/media';
import { ledgerQuotaPort, QuotaAdmin, QuotaLedger, QuotaUsage } from './services/quotas';
import {
  addNewlyShippedModels,
  ApiKeyStore,
  CatalogueCheck,
  DAILY_MS,
  Diagnostics,
  type SecretStore,
  SettingsAdmin,
  type SettingsDesktopHooks,
  SettingsStore,
} from './services/settings';
import type { Services } from './serviceRegistry';

export type { Caller } from './identity';
export type { SecretStore } from './services/settings';

/** The route the renderer calls on pointer or keyboard activity (at most once a minute). */
const ACTIVITY_ROUTE = 'auth.me';

export interface CoreOptions {
  /** the app's data folder: database, media, logs */
  dataDir: string;
  secretStore: SecretStore;
  /** prefix of media URLs handed to the renderer: `studio-media://media/` in Electron, `/media/` in the harness */
  mediaUrlBase?: string;
  clock?: Clock;
  /** where the Gemini API lives; the fake server's URL in tests */
  geminiBaseUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** drizzle-kit's migrations; found beside the app when omitted */
  migrationsDir?: string;
  workstation?: () => WorkstationIdentity;
  logger?: Logger;
  /** generation budgets and poll interval; tests shorten them */
  jobTimings?: Partial<JobTimings>;
  /** budget and page size of the catalogue's `models.list` check; tests shorten the budget */
  modelCheck?: Partial<ModelCheckOptions>;
  /**
   * The automatic catalogue check: once at start (in the background, when a key exists) and every
   * `everyMs` (0 = never). On by default (daily); the test cores turn it off unless a test asks.
   */
  modelCheckSchedule?: { atStart: boolean; everyMs: number };
  /** how often expired sessions are swept (ms); 0 turns the timer off (tests call `sweepSessions`) */
  sessionSweepMs?: number;
  /** bcrypt cost for new hashes; the product uses 12 (docs/accounts.md), tests lower it to stay fast */
  bcryptCost?: number;
  /** bundled data (the common-password list); found beside the app when omitted, packaged builds pass it */
  resourcesDir?: string;
  /** native dialogs and the file manager for the gallery (Electron shell); absent in the harness */
  mediaDesktop?: MediaDesktopHooks;
  /** the file manager and a save dialog for logs and diagnostics (Electron shell); absent in the harness */
  settingsDesktop?: SettingsDesktopHooks;
  /** bytes of logs at most in a diagnostics zip; tests lower it */
  diagnosticsLogBudgetBytes?: number;
  /** ffmpeg for video poster frames; the bundled one when omitted, null for none */
  ffmpegPath?: string | null;
  /**
   * How long main waits for another connection's lock (ms); short by default (see client.ts).
   * Tests that race several connections of their own on purpose lengthen it.
   */
  busyTimeoutMs?: number;
  /** test seam: the generation worker exits (as a crash would) when an image write reaches this step */
  generationWorkerExitAt?: ConstructorParameters<typeof GenerationWorker>[0]['exitAtWriteStep'];
}

export interface Core {
  router: { dispatch(caller: Caller, route: unknown, input: unknown): Promise<Envelope> };
  events: { connect(transportId: string, send: EventSink): () => void };
  /** ends the session bound to this transport (window closed or reloaded) */
  disconnect(transportId: string): void;
  /** OS screen lock or suspend: every session ends (docs/accounts.md) */
  endAllSessions(reason: 'os-lock' | 'suspend'): void;
  /** ends idle and expired sessions now (also runs on a timer) */
  sweepSessions(): void;
  /** serves a media request for the session bound to the transport (access check, ranges) */
  serveMedia(transportId: string, request: Request): Promise<Response>;
  /**
   * Recovery (`--reset-admin <email>`, docs/accounts.md): a fresh one-time setup code for an existing admin,
   * lifting a lockout or deactivation; audited. Throws a StudioError for an unknown email or a
   * non-admin. The Electron shell prints the code and exits.
   */
  resetAdmin(email: string): Promise<{ code: string; expiresAt: number }>;
  /** lets running work persist its state, checkpoints the WAL and closes the database */
  shutdown(): Promise<void>;
  /** for tests and the composition of transports; not reachable from the renderer */
  readonly services: Services;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  // A packaged app has no terminal: without a file, an admin would have nothing to look at or send.
  const fileLogger = options.logger ? null : createFileLogger({ dir: logDirOf(options.dataDir), mirrorToStderr: true });
  const logger = options.logger ?? fileLogger!;
  const env = options.env ?? process.env;
  fs.mkdirSync(options.dataDir, { recursive: true });
  const db = openDb({
    file: path.join(options.dataDir, 'studio.sqlite'),
    migrationsDir: options.migrationsDir ?? findMigrationsDir(),
    busyTimeoutMs: options.busyTimeoutMs,
    onBackup: (file) => logger.info('database backed up before migration', { file }),
  });

  const settings = new SettingsStore(db, clock);
  let events: EventHub | undefined;
  const sessions = new SessionStore({
    clock,
    idleTimeoutMs: () => settings.get('idleTimeoutMinutes') * 60_000,
    absoluteTimeoutMs: ABSOLUTE_SESSION_MS,
    onEnded: (session, reason) => events?.toTransport(session.transportId, 'session.ended', { reason }),
  });
  events = new EventHub((userId) => sessions.transportsOf(userId));
  // Before the router exists: the sweep must not race a write (a new file would look orphaned).
  // Results a job could not record before the app closed (the database was busy) are finished by
  // the job runner's recovery; the sweep must not take their files for orphans first.
  const pendingResults = PendingResults.inDataDir(options.dataDir);
  const mediaLibrary = await startMediaLibrary({
    db,
    keepIds: pendingResults.mediaIds(),
    dataDir: options.dataDir,
    clock,
    logger,
    ffmpegPath: options.ffmpegPath === undefined ? bundledFfmpegPath() : options.ffmpegPath,
  });
  const hub = events;

  // quota.changed carries the fresh status, so the header updates without a refetch. It is only
  // computed when the user has a window open (a job finishing after sign-out tells nobody).
  const quotaUsage = new QuotaUsage({ db, clock, settings });
  const announceQuota = (userId: string): void => {
    if (sessions.transportsOf(userId).length === 0) return;
    hub.toUser(userId, 'quota.changed', { userId, status: quotaUsage.status(userId) });
  };
  const workstation = options.workstation ?? readWorkstationIdentity;
  const quotaLedger = new QuotaLedger({ db, clock, usage: quotaUsage, onChanged: announceQuota });
  const quotaAdmin = new QuotaAdmin({ db, clock, settings, usage: quotaUsage, workstation, onChanged: announceQuota });

  const passwords = new PasswordService(options.bcryptCost ?? DEFAULT_BCRYPT_COST, loadCommonPasswords(options.resourcesDir ?? findResourcesDir()));
  const auth = new AuthService({ db, clock, workstation, sessions, settings, passwords });

  const apiKeys = new ApiKeyStore(db, options.secretStore, clock, env);
  const mediaUrlBase = options.mediaUrlBase ?? MEDIA_URL_BASE;

  // Generation: one SDK client per call (the key may change while the app runs), adapters per family.
  const genai = () => createGenAi({ apiKey: apiKeys.current(), baseUrl: options.geminiBaseUrl });
  const jobs = new JobRepository(db, clock);
  const jobTimings: JobTimings = { ...DEFAULT_JOB_TIMINGS, ...options.jobTimings };
  // every job's cost rides on its quota settlement (jobs/jobCost.ts)
  const quotaPort = withJobCost(ledgerQuotaPort(quotaLedger, db), {
    db,
    jobs,
    prices: (modelId) => rulesInForce(modelId, settings.get('priceOverrides')),
  });
  const mediaPort = createMediaPort({ db, media: mediaLibrary.store, events, clock, dataDir: options.dataDir });
  const generationWorker = new GenerationWorker({ logger, dataDir: options.dataDir, exitAtWriteStep: options.generationWorkerExitAt });
  const jobRunner = new JobRunner({
    db,
    clock,
    logger,
    jobs,
    quota: quotaPort,
    media: mediaPort,
    pendingResults,
    events,
    genai,
    apiKey: () => apiKeys.current(),
    geminiBaseUrl: options.geminiBaseUrl,
    worker: generationWorker,
    videoProviders: {
      veo: createVeoProvider(genai, { submitTimeoutMs: jobTimings.videoSubmitTimeoutMs, pollTimeoutMs: jobTimings.videoPollTimeoutMs }),
      omni: createOmniProvider(genai, {
        createTimeoutMs: jobTimings.videoSubmitTimeoutMs,
        pollTimeoutMs: jobTimings.videoPollTimeoutMs,
        cancelTimeoutMs: jobTimings.videoCancelTimeoutMs,
      }),
    },
    maxParallel: () => settings.get('maxParallelJobs'),
    queueLimits: () => ({
      rateLimitMaxWaitMs: settings.get('rateLimitMaxWaitMinutes') * 60_000,
      spendLimitMicros: settings.get('spendLimitPer10MinutesMicros'),
    }),
    timings: jobTimings,
    mediaUrls: (id, hasThumb) => ({
      url: mediaUrl(mediaUrlBase, id, 'original'),
      thumbUrl: hasThumb ? mediaUrl(mediaUrlBase, id, 'thumbnail') : null,
    }),
  });
  const generation = new GenerationService({
    db,
    clock,
    jobs,
    runner: jobRunner,
    quota: quotaPort,
    media: mediaPort,
    settings,
    workstation,
    apiKey: () => apiKeys.current(),
    modelAccess: (userId) => effectiveModelAccess(db, settings, userId),
  });
  const modelCheckOptions = { ...DEFAULT_MODEL_CHECK, ...options.modelCheck };
  // a stored catalogue gains the ids this version ships for the first time (never a new default)
  // (another process holding the write lock must not stop the app starting: the next start adds them)
  try {
    const shippedNow = addNewlyShippedModels({ db, clock, settings, workstation });
    if (shippedNow.length > 0) logger.info('model catalogue: added newly shipped models', { added: shippedNow });
  } catch (error) {
    logger.warn('model catalogue: newly shipped models not added this time', { error: error instanceof Error ? error.message : String(error) });
  }
  // genai() reads the key first, so a missing key is NO_API_KEY before anything is sent
  const catalogueCheck = new CatalogueCheck({
    db,
    clock,
    settings,
    apiKeys,
    workstation,
    logger,
    listModels: () => listModelIds(genai(), modelCheckOptions),
    onCatalogueChanged: () => announceModelsChanged(hub, modelsAudience(db, 'everyone')),
  });
  const mediaDesktop = options.mediaDesktop ?? {};
  const settingsAdmin = new SettingsAdmin({
    db,
    clock,
    settings,
    apiKeys,
    workstation,
    announceDefaultQuotaChange: () => quotaAdmin.announceDefaultChange(),
    announceModelsChange: (who) => announceModelsChanged(hub, modelsAudience(db, who)),
    catalogueCheck,
  });
  const diagnostics = new Diagnostics({
    db,
    clock,
    workstation,
    dataDir: options.dataDir,
    logDir: logDirOf(options.dataDir),
    snapshot: () => settingsAdmin.snapshot(),
    // pinned exactly in package.json, so the declared version is the one running
    versions: { app: appVersion, googleGenai: dependencies['@google/genai'] },
    desktop: options.settingsDesktop ?? {},
    currentSessionId: (transportId) => sessions.current(transportId)?.id ?? null,
    logBudgetBytes: options.diagnosticsLogBudgetBytes,
  });
  const mediaLibraryService = new MediaLibrary({
    db,
    clock,
    events,
    media: mediaLibrary.store,
    dataDir: options.dataDir,
    workstation,
    mediaUrlBase,
    mediaDesktop,
    currentSessionId: (transportId) => sessions.current(transportId)?.id ?? null,
    importLimitBytes: () => settings.get('importLimitMb') * 1024 * 1024,
  });

  const services: Services = {
    db,
    schema,
    clock,
    logger,
    version: appVersion,
    dataDir: options.dataDir,
    env,
    sessions,
    settings,
    events,
    secretStore: options.secretStore,
    workstation,
    apiKeys,
    quotaLedger,
    quotaAdmin,
    quotaUsage,
    passwords,
    auth,
    media: mediaLibrary.store,
    mediaUrlBase,
    jobs,
    jobRunner,
    generationWorker,
    generation,
    settingsAdmin,
    diagnostics,
    mediaLibrary: mediaLibraryService,
    catalogueCheck,
    mediaDesktop,
    drafts: new Drafts({ db, clock, mediaUrlBase }),
  };
  await provisionAdminFromEnv(services, env);

  const handlers: Handlers = createHandlers(services);
  // Only the renderer's activity heartbeat (`auth.me` on pointer or keyboard input) counts as the
  // person being there: a background refetch after a job finishes must not keep an unattended
  // screen signed in.
  const touchingResolver = createActorResolver(db, sessions);
  const quietResolver = createActorResolver(db, sessions, { touch: false });
  const router = createRouter({
    routes,
    handlers: handlers as unknown as RouterDeps['handlers'],
    resolveActor: (caller, route) => (route === ACTIVITY_ROUTE ? touchingResolver : quietResolver)(caller),
    isFirstRun: () => db.select({ id: schema.user.id }).from(schema.user).limit(1).get() === undefined,
    logger,
  });

  // After a restart: resume known operations, interrupt unknown outcomes, settle stray reservations.
  jobRunner.recover();

  const sweepMs = options.sessionSweepMs ?? 15_000;
  const sweepTimer = sweepMs > 0 ? setInterval(() => sessions.sweep(), sweepMs) : undefined;
  sweepTimer?.unref();

  // Google's list of models, checked in the background: start is not delayed by the network
  const stopModelChecks = catalogueCheck.schedule(options.modelCheckSchedule ?? { atStart: true, everyMs: DAILY_MS });

  let closed = false;
  return {
    router,
    events: { connect: (transportId, send) => events.connect(transportId, send) },
    disconnect: (transportId) => sessions.end(transportId, 'logout'),
    endAllSessions: (reason) => sessions.endAll(reason),
    sweepSessions: () => sessions.sweep(),
    resetAdmin: async (email) => resetAdmin(services, email),
    serveMedia: createMediaServer({ db, media: mediaLibrary.store, logger, resolveActor: quietResolver }),
    async shutdown() {
      if (closed) return;
      closed = true;
      if (sweepTimer) clearInterval(sweepTimer);
      // a check still waiting for Google records nothing once the database is closing
      stopModelChecks();
      // running jobs keep their persisted state; the next start resumes or interrupts them
      await jobRunner.shutdown();
      await generationWorker.close();
      await mediaLibrary.stop();
      closeDb(db);
      await fileLogger?.close();
    },
    services,
  };
}

/**
 * The migrations folder ships beside the code: `drizzle/` at the project root in development and
 * tests; packaged builds pass `migrationsDir` (resources/drizzle) explicitly.
 */
function findMigrationsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'drizzle');
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`drizzle migrations not found above ${__dirname}; pass migrationsDir`);
}
