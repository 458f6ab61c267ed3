import { eq } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { secret } from '../../db/schema';
import { addSecret } from '../../logger';
import type { SecretStore } from './secretStore';

export const API_KEY_SECRET = 'gemini-api-key';

export interface ApiKeyStatus {
  set: boolean;
  /** where the key in use comes from */
  source: 'stored' | 'environment' | null;
  /** the last four characters, for "set, ends in …1234" */
  lastFour: string | null;
  /** how a stored key is protected at rest */
  protection: 'os' | 'unprotected' | null;
  /** what this computer can offer for a new key */
  available: 'os' | 'unprotected' | 'unavailable';
}

/**
 * The Gemini API key: sealed by the OS keychain (safeStorage) and kept in main. It is never
 * returned to the renderer, and every value is registered with the log redactor.
 */
export class ApiKeyStore {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    if (env.GEMINI_API_KEY) addSecret(env.GEMINI_API_KEY);
  }

  /** The key to call Google with; the stored one wins over the provisioning env var. */
  current(): string {
    const stored = this.readStored();
    const key = stored ?? this.env.GEMINI_API_KEY;
    if (!key) throw new StudioError('NO_API_KEY', 'No Gemini API key is set. Ask an admin to add one in Settings.');
    return key;
  }

  isSet(): boolean {
    return Boolean(this.env.GEMINI_API_KEY) || this.row() !== undefined;
  }

  status(): ApiKeyStatus {
    const row = this.row();
    const stored = row ? this.readStored() : null;
    const key = stored ?? this.env.GEMINI_API_KEY ?? null;
    return {
      set: key !== null,
      source: stored ? 'stored' : key ? 'environment' : null,
      lastFour: key ? key.slice(-4) : null,
      protection: row ? (row.protection as 'os' | 'unprotected') : null,
      available: this.secrets.protection(),
    };
  }

  /**
   * Stores a new key. On a machine without an OS keychain (Linux `basic_text`), the key would sit on
   * disk merely obfuscated; that needs an admin's explicit consent.
   */
  set(apiKey: string, options: { allowUnprotected: boolean; updatedBy: string }): void {
    const protection = this.secrets.protection();
    if (protection === 'unavailable') {
      throw new StudioError(
        'CONFLICT',
        'This computer cannot encrypt secrets, so the key cannot be stored. Use the GEMINI_API_KEY environment variable instead.',
      );
    }
    if (protection === 'unprotected' && !options.allowUnprotected) {
      throw new StudioError(
        'CONFLICT',
        'This computer has no OS key store, so the key would be stored without protection. Tick "store without OS protection" to store it anyway.',
        { needsAllowUnprotected: true },
      );
    }
    addSecret(apiKey);
    const row = {
      name: API_KEY_SECRET,
      sealed: this.secrets.seal(apiKey),
      protection,
      updatedAt: this.clock.now(),
      updatedBy: options.updatedBy,
    };
    this.db.insert(secret).values(row).onConflictDoUpdate({ target: secret.name, set: row }).run();
  }

  clear(): boolean {
    return this.db.delete(secret).where(eq(secret.name, API_KEY_SECRET)).run().changes > 0;
  }

  private row() {
    return this.db.select().from(secret).where(eq(secret.name, API_KEY_SECRET)).get();
  }

  private readStored(): string | null {
    const row = this.row();
    if (!row) return null;
    try {
      const key = this.secrets.open(row.sealed);
      addSecret(key);
      return key;
    } catch {
      // Sealed by another OS account or keychain: unusable here, as if absent.
      return null;
    }
  }
}
