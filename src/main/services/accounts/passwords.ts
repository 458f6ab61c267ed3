import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { StudioError } from '../../../shared/contract/errors';
import { COMMON_PASSWORD_MESSAGE, PASSWORD_MAX_BYTES, passwordProblem, utf8Bytes } from '../../../shared/domain/passwords';

/** SPEC §2: the product's bcrypt cost. Tests lower it through `CoreOptions.bcryptCost`, never here. */
export const DEFAULT_BCRYPT_COST = 12;

/**
 * Hashing and checking passwords. Everything is asynchronous (`bcrypt.hash`/`compare` yield to the
 * event loop between rounds), so a sign-in never freezes the window or other requests.
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
    return bcrypt.hash(password, this.cost);
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
      await bcrypt.compare(password, await this.dummy());
      return false;
    }
    return bcrypt.compare(password, hash);
  }

  /** A hash made with a lower cost than the current setting is re-hashed at the next sign-in. */
  needsRehash(hash: string): boolean {
    try {
      return bcrypt.getRounds(hash) < this.cost;
    } catch {
      return true;
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= bcrypt.hash(randomBytes(16).toString('hex'), this.cost);
    return this.dummyHash;
  }
}
