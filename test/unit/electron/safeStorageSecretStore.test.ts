import { describe, expect, it, vi } from 'vitest';
import { createSafeStorageSecretStore } from '../../../src/main/electron/safeStorageSecretStore';

function fakeSafeStorage(available: boolean, backend: string) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    getSelectedStorageBackend: vi.fn(() => backend),
    encryptString: vi.fn((s: string) => Buffer.from(`sealed:${s}`)),
    decryptString: vi.fn((b: Buffer) => b.toString().replace(/^sealed:/, '')),
  };
}

describe('safeStorage SecretStore', () => {
  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])('is OS-protected on Linux with %s', (backend) => {
    expect(createSafeStorageSecretStore(fakeSafeStorage(true, backend), 'linux').protection()).toBe('os');
  });

  it.each(['basic_text', 'unknown'])('is unprotected on Linux with %s (no keyring)', (backend) => {
    expect(createSafeStorageSecretStore(fakeSafeStorage(true, backend), 'linux').protection()).toBe('unprotected');
  });

  it('does not ask for a Linux backend on Windows and macOS', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const storage = fakeSafeStorage(true, 'unknown');
      expect(createSafeStorageSecretStore(storage, platform).protection()).toBe('os');
      expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
    }
  });

  it('is unavailable when encryption is not available, and then refuses to seal', () => {
    const storage = fakeSafeStorage(false, 'gnome_libsecret');
    const store = createSafeStorageSecretStore(storage, 'linux');
    expect(store.protection()).toBe('unavailable');
    expect(() => store.seal('AIza-secret')).toThrow(/not available/);
    expect(storage.encryptString).not.toHaveBeenCalled();
  });

  it('round-trips through safeStorage', () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    const sealed = store.seal('AIza-secret');
    expect(sealed.toString()).toBe('sealed:AIza-secret');
    expect(store.open(sealed)).toBe('AIza-secret');
  });
});
