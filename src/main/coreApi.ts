/**
 * The slice of the core the Electron shell depends on. The shell imports these names only, so it
 * is written and tested against the members it uses; `createCore` in core.ts provides them.
 */
import type { Envelope } from '../shared/contract/envelope';
import type { Core as FullCore, CoreOptions as FullCoreOptions } from './core';

export type { Envelope };
export type { SecretStore } from './services/settings/secretStore';

export type Core = Pick<FullCore, 'router' | 'events' | 'disconnect' | 'endAllSessions' | 'serveMedia' | 'shutdown'> & {
  /**
   * `--reset-admin <email>`: a fresh one-time setup code for that admin; rejects with a StudioError
   * (unknown email, not an admin). Optional so shell tests can leave it out.
   */
  resetAdmin?: FullCore['resetAdmin'];
};

export type CoreOptions = Pick<
  FullCoreOptions,
  'dataDir' | 'secretStore' | 'mediaUrlBase' | 'migrationsDir' | 'resourcesDir' | 'geminiBaseUrl' | 'env' | 'mediaDesktop' | 'settingsDesktop'
>;

export type CreateCore = (options: CoreOptions) => Promise<Core>;
