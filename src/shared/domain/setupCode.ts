/**
 * One-time setup codes (docs/accounts.md): shown to an admin once, typed by a person. The alphabet leaves out
 * characters people confuse (0/O, 1/I/L), and input is accepted with or without dashes, in any case.
 */
export const SETUP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 12 characters of a 31-letter alphabet ≈ 59 bits: far beyond guessing within 72 hours */
export const SETUP_CODE_LENGTH = 12;
export const SETUP_CODE_TTL_MS = 72 * 60 * 60 * 1000;

/** Uppercases and drops spaces and dashes, so `abcd-efgh-jkmn` and `ABCD EFGH JKMN` are the same code. */
export function normalizeSetupCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

/** `ABCDEFGHJKMN` → `ABCD-EFGH-JKMN`, easier to read aloud and to type. */
export function formatSetupCode(code: string): string {
  return (
    normalizeSetupCode(code)
      .match(/.{1,4}/g)
      ?.join('-') ?? ''
  );
}
