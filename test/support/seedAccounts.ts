import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/main/db/client';

export interface SeededAccount {
  id: string;
  email: string;
  status: 'active' | 'inactive' | 'awaiting-setup';
  lastLoginAt: number | null;
  /** image units used today */
  imageUsed: number;
}

/**
 * Many managed accounts at once, straight into SQLite in one transaction (2 000 take a few tens of
 * milliseconds): `user-0000@…` upwards, managed by `adminId`. Every 7th awaits setup (with an
 * unused setup code), every 11th is inactive; the rest signed in at different times; some have
 * used part of their daily image quota today. Not for account tests, which use the real routes.
 */
export function seedAccounts(db: Db, options: { adminId: string; count: number; now: number; domain?: string }): SeededAccount[] {
  const sqlite = db.$client;
  const insertUser = sqlite.prepare(
    `INSERT INTO user (id, email, password_hash, role, is_active, created_at, updated_at, last_login_at) VALUES (?, ?, ?, 'user', ?, ?, ?, ?)`,
  );
  const insertManager = sqlite.prepare('INSERT INTO user_manager (admin_id, user_id, created_at) VALUES (?, ?, ?)');
  const insertCode = sqlite.prepare('INSERT INTO setup_code (id, user_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const insertReservation = sqlite.prepare(
    `INSERT INTO quota_reservation (id, user_id, kind, units, job_id, state, created_at) VALUES (?, ?, 'image', ?, ?, 'committed', ?)`,
  );
  const { now, adminId } = options;
  const domain = options.domain ?? 'school.example';
  const accounts: SeededAccount[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < options.count; i++) {
      const id = randomUUID();
      const email = `user-${String(i).padStart(4, '0')}@${domain}`;
      const status = i % 7 === 3 ? 'awaiting-setup' : i % 11 === 5 ? 'inactive' : 'active';
      const lastLoginAt = status === 'awaiting-setup' ? null : now - ((i * 7919) % 1000) * 60_000;
      const hash = status === 'awaiting-setup' ? null : '$2b$04$seededhashnotusableforlogin000000000000000000000000000';
      insertUser.run(id, email, hash, status === 'inactive' ? 0 : 1, now - 86_400_000, now, lastLoginAt);
      insertManager.run(adminId, id, now);
      if (status === 'awaiting-setup') insertCode.run(randomUUID(), id, `seeded-${id}`, now, now + 72 * 3_600_000 - i * 1000);
      const imageUsed = i % 5 === 0 ? (i % 50) + 1 : 0;
      if (imageUsed) insertReservation.run(randomUUID(), id, imageUsed, `seeded-job-${id}`, now);
      accounts.push({ id, email, status, lastLoginAt, imageUsed });
    }
  })();
  return accounts;
}
