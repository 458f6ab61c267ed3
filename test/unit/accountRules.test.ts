import { describe, expect, it } from 'vitest';
import { CLEARED_THROTTLE, PhantomThrottle, afterFailure, lockoutDurationMs } from '../../src/main/services/accounts/lockout';
import { KeyedQueue } from '../../src/main/services/accounts/keyedQueue';
import { findResourcesDir, loadCommonPasswords } from '../../src/main/services/accounts/commonPasswords';
import { generateSetupCode, hashSetupCode } from '../../src/main/services/accounts/setupCodes';
import { isPlausibleEmail, splitEmailList } from '../../src/shared/domain/accounts';
import { passwordProblem } from '../../src/shared/domain/passwords';
import { SETUP_CODE_ALPHABET, formatSetupCode, normalizeSetupCode } from '../../src/shared/domain/setupCode';

describe('password rules', () => {
  it('counts characters as people do and limits bytes as bcrypt does', () => {
    expect(passwordProblem('🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂')).toBeNull(); // 10 characters, 40 bytes
    expect(passwordProblem('a'.repeat(72))).toBeNull();
    expect(passwordProblem('a'.repeat(73))).toMatch(/at most 72 bytes: this password is 73 bytes/);
    expect(passwordProblem('123456789')).toMatch(/at least 10/);
  });

  it('has no composition rules', () => {
    expect(passwordProblem('all lower case words')).toBeNull();
  });
});

describe('the bundled common-password list', () => {
  it('loads a few thousand entries, including long ones the length rule would let through', () => {
    const list = loadCommonPasswords(findResourcesDir());
    expect(list.size).toBeGreaterThan(3000);
    for (const p of ['password123', 'qwertyuiop', '1234567890', 'iloveyou123']) expect(list.has(p)).toBe(true);
    expect(list.has('violet-harbour-42')).toBe(false);
  });
});

describe('setup codes', () => {
  it('are 12 characters of the unambiguous alphabet, from the CSPRNG', () => {
    const codes = new Set(Array.from({ length: 500 }, generateSetupCode));
    expect(codes.size).toBe(500);
    for (const code of codes) {
      expect(code).toHaveLength(12);
      for (const ch of code) expect(SETUP_CODE_ALPHABET).toContain(ch);
    }
    expect(SETUP_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('read the same with or without dashes, spaces and case', () => {
    expect(formatSetupCode('abcdefghjkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeSetupCode(' abcd efgh-jkmn ')).toBe('ABCDEFGHJKMN');
    expect(hashSetupCode('u1', 'abcd-efgh-jkmn')).toBe(hashSetupCode('u1', 'ABCDEFGHJKMN'));
    expect(hashSetupCode('u1', 'ABCDEFGHJKMN')).not.toBe(hashSetupCode('u2', 'ABCDEFGHJKMN'));
  });
});

describe('lockout counters', () => {
  it('lock on the fifth failure inside the window', () => {
    let state = CLEARED_THROTTLE;
    for (let i = 0; i < 4; i++) {
      const next = afterFailure(state, 1000 + i);
      expect(next.lockedNowUntil).toBeNull();
      state = next.state;
    }
    expect(afterFailure(state, 2000).lockedNowUntil).toBe(2000 + 60_000);
  });

  it('escalate from one minute, doubling, to at most an hour', () => {
    expect([1, 2, 3, 6, 7, 20].map((n) => lockoutDurationMs(n) / 60_000)).toEqual([1, 2, 4, 32, 60, 60]);
  });

  it('for unknown emails stay bounded in memory', () => {
    const phantom = new PhantomThrottle(3);
    for (let i = 0; i < 10; i++) phantom.fail(`e${i}`, 0);
    expect((phantom as unknown as { states: Map<string, unknown> }).states.size).toBe(3);
  });
});

describe('email lists', () => {
  it('split pasted text on lines, commas, semicolons and spaces', () => {
    expect(splitEmailList('a@x.org\n b@x.org, c@x.org;d@x.org  e@x.org\n\n')).toEqual(['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', 'e@x.org']);
  });

  it('accept plausible addresses only', () => {
    expect(['kim@lab.example', 'a.b+c@sub.school.edu'].every(isPlausibleEmail)).toBe(true);
    expect(['kim', 'kim@', '@lab.example', 'kim@lab', 'k m@lab.example', 'kim@@lab.example'].some(isPlausibleEmail)).toBe(false);
  });
});

describe('the per-email queue', () => {
  it('runs tasks for one key one after another, and other keys in parallel', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => () => new Promise<void>((r) => setTimeout(() => (log.push(name), r()), ms));
    await Promise.all([queue.run('a', task('a1', 20)), queue.run('a', task('a2', 1)), queue.run('b', task('b1', 5))]);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps going after a task fails', async () => {
    const queue = new KeyedQueue();
    await expect(queue.run('a', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(queue.run('a', async () => 'ok')).resolves.toBe('ok');
  });
});
