import type { WorkstationIdentity } from '../../shared/domain/workstation';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import type * as schema from '../db/schema';
import type { Logger } from '../logger';
import type { EventHub } from './eventHub';
import type { MediaDesktopHooks } from './media/desktopHooks';
import type { MediaStore } from './media/mediaStore';
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
  apiKeyIsSet: () => boolean;
  /** the media library's files (durable writes, thumbnails, deletion) */
  media: MediaStore;
  /** prefix of media URLs in DTOs: `studio-media://media/` (Electron) or `/media/` (harness) */
  mediaUrlBase: string;
  /** native dialogs and the file manager, when the transport has them (Electron) */
  mediaDesktop: MediaDesktopHooks;
}
