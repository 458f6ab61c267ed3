import { randomBytes } from 'node:crypto';
import { hash as bcryptHash, verify as bcryptVerify } from '@node-rs/bcrypt';
import { StudioError } from '../../../shared/contract/errors';
import { COMMON_PASSWORD_MESSAGE, PASSWORD_MAX_BYTES, passwordProblem, utf8Bytes } from '../../../shared/domain/passwords';

/** The product's bcrypt cost (docs/accounts.md). Tests lower it through `CoreOptions.bcryptCost`, never here. */
export const DEFAULT_BCRYPT_COST = 12;

/**
 * Hashing and checking passwords. The work runs in a native binding on libuv's thread pool, not on
 * main's event loop: at cost 12 a hash is ~0.3 s of CPU, and bcryptjs (pure JS) blocked the loop
 * for ~100 ms chunks of it — every sign-in froze every open window. The hashes are standard
 * `$2a$`/`$2b$` bcrypt, so every hash bcryptjs ever wrote still verifies.
 */
export class PasswordService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    readonly cost: number,
    private readonly common: ReadonlySet<string>,
  ) {}

  /** Throws PASSWORD_REJECTED with the rule it breaks (length, bytes, common list, the email). */
  assertAcceptable(password: string, email?: string): void {
    const problem = passwordProblem(password, email);
    if (problem) throw new StudioError('PASSWORD_REJECTED', problem);
    if (this.common.has(password.toLowerCase())) throw new StudioError('PASSWORD_REJECTED', COMMON_PASSWORD_MESSAGE);
  }

  hash(password: string): Promise<string> {
    return bcryptHash(password, this.cost);
  }

  /**
   * Whether `password` matches `hash`. Without a hash (unknown email, account awaiting setup) it
   * still spends one comparison against a dummy hash of the same cost, so the answer takes as long
   * as a wrong password and timing does not tell which emails have accounts.
   */
  async verify(password: string, hash: string | null): Promise<boolean> {
    // bcrypt ignores everything past 72 bytes: a longer input must not match on its prefix
    const tooLong = utf8Bytes(password) > PASSWORD_MAX_BYTES;
    if (!hash || tooLong) {
      await bcryptVerify(password, await this.dummy());
      return false;
    }
    return bcryptVerify(password, hash);
  }

  /** A hash made with a lower cost than the current setting is re-hashed at the next sign-in. */
  needsRehash(hash: string): boolean {
    const rounds = bcryptRounds(hash);
    return rounds === null || rounds < this.cost;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= bcryptHash(randomBytes(16).toString('hex'), this.cost);
    return this.dummyHash;
  }
}

/** The cost a bcrypt hash was made with (`$2b$12$…` → 12), or null for anything that is not one. */
export function bcryptRounds(hash: string): number | null {
  const match = /^\$2[abxy]\$(\d{2})\$[./A-Za-z0-9]{53}$/.exec(hash);
  return match ? Number(match[1]) : null;
}
