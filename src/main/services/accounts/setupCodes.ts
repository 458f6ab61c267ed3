import { createHash, randomInt, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { SETUP_CODE_ALPHABET, SETUP_CODE_LENGTH, SETUP_CODE_TTL_MS, formatSetupCode, normalizeSetupCode } from '../../../shared/domain/setupCode';
import type { Db } from '../../db/client';
import { setupCode } from '../../db/schema';

/** A fresh code from the CSPRNG (`crypto.randomInt` is uniform: no modulo bias). */
export function generateSetupCode(): string {
  let code = '';
  for (let i = 0; i < SETUP_CODE_LENGTH; i++) code += SETUP_CODE_ALPHABET[randomInt(SETUP_CODE_ALPHABET.length)];
  return code;
}

/**
 * SHA-256, not bcrypt: a code has ~59 bits from the CSPRNG (a password has far fewer, chosen by a
 * person), is single use and dies after 72 hours, so even a stolen database gives nothing to
 * brute-force in time; a fast hash also lets the lookup be an exact match. The user id is mixed in
 * so equal codes of two accounts never share a hash.
 */
export function hashSetupCode(userId: string, code: string): string {
  return createHash('sha256')
    .update(`${userId}:${normalizeSetupCode(code)}`)
    .digest('hex');
}

/**
 * Issues a code for `userId` and ends every older unused one (a reset supersedes the invite).
 * Call inside the transaction that makes the change; returns the only copy of the code in clear.
 */
export function issueSetupCode(db: Db, userId: string, issuedBy: string | null, now: number): { code: string; expiresAt: number } {
  db.update(setupCode)
    .set({ expiresAt: now })
    .where(and(eq(setupCode.userId, userId), isNull(setupCode.usedAt), gt(setupCode.expiresAt, now)))
    .run();
  const code = generateSetupCode();
  const expiresAt = now + SETUP_CODE_TTL_MS;
  db.insert(setupCode)
    .values({ id: randomUUID(), userId, codeHash: hashSetupCode(userId, code), createdAt: now, expiresAt, issuedBy })
    .run();
  return { code: formatSetupCode(code), expiresAt };
}

/** `issuedBy` null: printed by `--reset-admin` on the workstation itself, not issued by an admin. */
export type CodeLookup = { id: string; state: 'valid' | 'used' | 'expired'; issuedBy: string | null } | null;

/** Finds the code `input` names for `userId`, valid or not; null when it was never issued. */
export function findSetupCode(db: Db, userId: string, input: string, now: number): CodeLookup {
  const row = db
    .select({ id: setupCode.id, usedAt: setupCode.usedAt, expiresAt: setupCode.expiresAt, issuedBy: setupCode.issuedBy })
    .from(setupCode)
    .where(and(eq(setupCode.userId, userId), eq(setupCode.codeHash, hashSetupCode(userId, input))))
    .get();
  if (!row) return null;
  if (row.usedAt !== null) return { id: row.id, state: 'used', issuedBy: row.issuedBy };
  if (row.expiresAt <= now) return { id: row.id, state: 'expired', issuedBy: row.issuedBy };
  return { id: row.id, state: 'valid', issuedBy: row.issuedBy };
}

/** Marks the code used; false when someone redeemed it (or it expired) in the meantime. */
export function consumeSetupCode(db: Db, id: string, now: number): boolean {
  const result = db
    .update(setupCode)
    .set({ usedAt: now })
    .where(and(eq(setupCode.id, id), isNull(setupCode.usedAt), gt(setupCode.expiresAt, now)))
    .run();
  return result.changes === 1;
}
