import { describe, expect, it } from 'vitest';
import { isBusyError, retryWhileBusy } from '../../src/main/db/tx';
import { StudioError } from '../../src/shared/contract/errors';

const locked = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('retryWhileBusy', () => {
  it('tries again while SQLite answers BUSY and returns the first success', async () => {
    let attempts = 0;
    const value = await retryWhileBusy(
      () => {
        if (++attempts < 4) throw locked();
        return 'done';
      },
      { boundMs: 5_000, firstDelayMs: 1 },
    );
    expect(value).toBe('done');
    expect(attempts).toBe(4);
  });

  it('gives up after the bound with a BUSY error the person can read', async () => {
    let attempts = 0;
    const failure = await retryWhileBusy(
      () => {
        attempts++;
        throw locked();
      },
      { boundMs: 30, firstDelayMs: 1 },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StudioError);
    expect(failure).toMatchObject({ code: 'BUSY' });
    expect(attempts).toBeGreaterThan(1);
  });

  it('does not retry any other error', async () => {
    let attempts = 0;
    const failure = await retryWhileBusy(
      () => {
        attempts++;
        throw new StudioError('CONFLICT', 'no');
      },
      { boundMs: 5_000 },
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'CONFLICT' });
    expect(attempts).toBe(1);
  });

  it('stops waiting when its signal is aborted', async () => {
    const controller = new AbortController();
    const pending = retryWhileBusy(
      () => {
        throw locked();
      },
      { boundMs: 60_000, firstDelayMs: 10_000, signal: controller.signal },
    ).catch((error: unknown) => error);
    controller.abort(new Error('shutdown'));
    expect(await pending).toMatchObject({ message: 'shutdown' });
  });

  it('knows the locked family and a BUSY StudioError, nothing else', () => {
    expect(isBusyError(locked())).toBe(true);
    expect(isBusyError(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
    expect(isBusyError(Object.assign(new Error('x'), { code: 'SQLITE_LOCKED' }))).toBe(true);
    expect(isBusyError(new StudioError('BUSY', 'busy'))).toBe(true);
    expect(isBusyError(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe(false);
    expect(isBusyError(null)).toBe(false);
  });
});
