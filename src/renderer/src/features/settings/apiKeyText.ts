import type { RouteOutput } from '../../../../shared/contract/types';

export type ApiKeyStatus = RouteOutput<'settings.get'>['apiKey'];

/**
 * The one line Settings shows about the key. Only its last four characters ever reach the
 * renderer (main never returns the key), which is all an admin needs to tell keys apart.
 */
export function apiKeyStatusText(status: ApiKeyStatus): string {
  if (!status.set || !status.lastFour) return 'Not set';
  const where =
    status.source === 'environment'
      ? 'from the GEMINI_API_KEY environment variable'
      : status.protection === 'unprotected'
        ? 'stored without OS protection'
        : 'stored, protected by the OS key store';
  return `Set, ends in …${status.lastFour} (${where})`;
}

/** A stored key exists but cannot be opened here (sealed by another OS account or key store). */
export function storedKeyUnreadable(status: ApiKeyStatus): boolean {
  return status.protection !== null && status.source !== 'stored';
}

/** What this computer can do for a new key, when it is less than the OS key store. */
export function protectionWarning(available: ApiKeyStatus['available']): string | null {
  if (available === 'unprotected') {
    return 'This computer has no OS key store (no keyring), so a stored key would only be obfuscated on disk, readable by anyone who can read this account’s files.';
  }
  if (available === 'unavailable') {
    return 'This computer cannot encrypt secrets, so no key can be stored here. Set the GEMINI_API_KEY environment variable instead.';
  }
  return null;
}
