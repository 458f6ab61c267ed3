/**
 * Seals secrets (the Gemini API key) at rest. In Electron it is backed by `safeStorage` (the OS
 * keychain); tests and the browser harness use the in-memory store below.
 */
export interface SecretStore {
  /**
   * 'os': protected by the OS keychain; 'unprotected': only obfuscated (Linux `basic_text` backend);
   * 'unavailable': cannot encrypt at all.
   */
  protection(): 'os' | 'unprotected' | 'unavailable';
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

/** Keeps nothing secret from the process itself; for tests and the harness only. */
export class MemorySecretStore implements SecretStore {
  constructor(private readonly level: 'os' | 'unprotected' | 'unavailable' = 'os') {}

  protection(): 'os' | 'unprotected' | 'unavailable' {
    return this.level;
  }

  seal(plain: string): Buffer {
    if (this.level === 'unavailable') throw new Error('encryption unavailable');
    // Reversed bytes: not protection, just proof that callers never store the plain text by accident.
    return Buffer.from(plain, 'utf8').reverse();
  }

  open(sealed: Buffer): string {
    return Buffer.from(sealed).reverse().toString('utf8');
  }
}
