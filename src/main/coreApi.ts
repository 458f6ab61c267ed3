/**
 * The slice of the core the Electron shell depends on. `src/main/core.ts` implements it; this file
 * exists so the shell can be written and type-checked apart from the core (reconcile on merge: the
 * shell only needs these members, so `Core` from core.ts is assignable to `ShellCore`).
 *
 * Nothing here imports electron: the core runs in plain Node for tests and the browser harness.
 */

/** Identity from the transport, never from request input. */
export interface Caller {
  transportId: string;
}

export type Envelope =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; details?: unknown } };

export interface SecretStore {
  /** 'os': protected by the OS keychain; 'unprotected': Linux basic_text / plaintext backend; 'unavailable': cannot encrypt at all */
  protection(): 'os' | 'unprotected' | 'unavailable';
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

export interface Core {
  router: { dispatch(caller: Caller, route: unknown, input: unknown): Promise<Envelope> }; // never throws
  events: { connect(transportId: string, send: (event: string, payload: unknown) => void): () => void };
  /** ends the session bound to this transport (window closed / reloaded) */
  disconnect(transportId: string): void;
  /** OS screen lock or suspend: end every session (SPEC §2) */
  endAllSessions(reason: 'os-lock' | 'suspend'): void;
  /** serves studio-media requests for the session bound to transportId (access check, range requests) */
  serveMedia(transportId: string, request: Request): Promise<Response>;
  /** lets running jobs persist state, checkpoints the WAL (TRUNCATE), closes the DB */
  shutdown(): Promise<void>;
}

export interface CoreOptions {
  dataDir: string;
  secretStore: SecretStore;
  mediaUrlBase: string;
  /** drizzle-kit's migrations folder; packaged builds ship it as `resources/drizzle` */
  migrationsDir?: string;
  geminiBaseUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export type CreateCore = (options: CoreOptions) => Promise<Core>;
