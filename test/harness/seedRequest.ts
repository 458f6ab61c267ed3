import type { Role } from '../../src/shared/domain/accounts';

/**
 * What POST /__test/seed-media takes and answers (seedControls.ts): one definition for the harness
 * that seeds and for the specs and scripts that ask it to. Types only, so the end-to-end side can
 * import it without pulling in the core.
 */

/** An account; with a password it signs in through the real login screen. */
export interface SeedUser {
  email: string;
  password?: string;
  role?: Role;
  /** emails of the admins who manage this account */
  managedBy?: string[];
}

/** A group of gallery items: sized, of a kind, some days old, versions of `parentId`. */
export interface SeedItemGroup {
  ownerEmail: string;
  count: number;
  promptPrefix?: string;
  width?: number;
  height?: number;
  kind?: 'image' | 'video' | 'input';
  durationMs?: number;
  daysAgo?: number;
  parentId?: string;
  /** the files' colour, so groups look apart in screenshots */
  color?: string;
}

export interface SeedRequest {
  users?: SeedUser[];
  items?: SeedItemGroup[];
}

/** Ids by email, and each owner's item ids, oldest first. */
export interface SeedResult {
  users: Record<string, string>;
  items: Record<string, string[]>;
}
