/**
 * Password rules in docs/accounts.md that both sides apply: the renderer to explain them while typing, main
 * to enforce them. The common-password list is main's alone (it ships in `resources/`).
 */
export const PASSWORD_MIN_CHARS = 10;
/** bcrypt reads only the first 72 bytes: a longer password would be silently truncated */
export const PASSWORD_MAX_BYTES = 72;

export const PASSWORD_HINT =
  `At least ${PASSWORD_MIN_CHARS} characters and at most ${PASSWORD_MAX_BYTES} bytes. ` +
  'Any characters you like; very common passwords are refused.';

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The first rule a new password breaks (not counting the common list), or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  // characters as people count them: an emoji is one, not two UTF-16 units
  if ([...password].length < PASSWORD_MIN_CHARS) return `Use at least ${PASSWORD_MIN_CHARS} characters.`;
  const bytes = utf8Bytes(password);
  if (bytes > PASSWORD_MAX_BYTES) {
    return `Use at most ${PASSWORD_MAX_BYTES} bytes: this password is ${bytes} bytes long ` + '(accented letters take 2 bytes each, emoji 4).';
  }
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'Do not use your email address as your password.';
  return null;
}

export const COMMON_PASSWORD_MESSAGE = 'This password is one of the most common ones and easy to guess. Choose another.';
