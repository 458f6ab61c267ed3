import type { SecretStore } from '../coreApi';

/**
 * The SecretStore behind the Gemini API key (docs/electron-shell.md), over Electron's `safeStorage`. Create it only
 * after `ready`: before that, Linux reports no backend and Windows no key.
 *
 * Note: Electron 45 deprecates the synchronous `encryptString`/`decryptString` in favour of the
 * async variants; the SecretStore contract is synchronous, so this uses the sync calls, which still
 * work (https://www.electronjs.org/docs/latest/api/safe-storage).
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretStore {
  function protection(): 'os' | 'unprotected' | 'unavailable' {
    if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
    if (platform === 'linux') {
      // Threat: on Linux without a keyring, Chromium falls back to `basic_text`, whose key is a
      // constant compiled into every Chromium: the sealed API key is then readable by anyone who
      // can read the profile folder. That is 'unprotected', and the settings service refuses to
      // store the key unless an admin opts in. `unknown` means no backend was chosen: same answer.
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') return 'unprotected';
    }
    return 'os';
  }

  return {
    protection,
    seal(plain) {
      if (protection() === 'unavailable') throw new Error('OS encryption is not available');
      return safeStorage.encryptString(plain);
    },
    open(sealed) {
      return safeStorage.decryptString(sealed);
    },
  };
}
