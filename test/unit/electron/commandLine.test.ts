import { describe, expect, it, vi } from 'vitest';
import { type CommandLineCore, parseCommandLine, runCommandLine } from '../../../src/main/electron/commandLine';
import { StudioError } from '../../../src/shared/contract/errors';

function fakeCore(resetAdmin?: CommandLineCore['resetAdmin']): CommandLineCore {
  return {
    router: { dispatch: vi.fn() },
    events: { connect: vi.fn() },
    disconnect: vi.fn(),
    endAllSessions: vi.fn(),
    serveMedia: vi.fn(),
    shutdown: vi.fn(),
    ...(resetAdmin ? { resetAdmin } : {}),
  };
}

function output() {
  return { print: vi.fn(), printError: vi.fn() };
}

describe('parseCommandLine', () => {
  it('finds nothing on a normal launch (packaged or dev)', () => {
    expect(parseCommandLine(['/opt/studio/gemini-media-studio'])).toEqual({ kind: 'none' });
    expect(parseCommandLine(['/x/electron', '.', '--no-sandbox'])).toEqual({ kind: 'none' });
  });

  it('recognizes --reset-admin <email> and --reset-admin=<email>', () => {
    expect(parseCommandLine(['studio', '--reset-admin', ' ada@example.org '])).toEqual({
      kind: 'reset-admin',
      email: 'ada@example.org',
    });
    expect(parseCommandLine(['studio', '--reset-admin=ada@example.org'])).toEqual({
      kind: 'reset-admin',
      email: 'ada@example.org',
    });
  });

  it('rejects the switch without an email', () => {
    expect(parseCommandLine(['studio', '--reset-admin'])).toMatchObject({ kind: 'invalid' });
    expect(parseCommandLine(['studio', '--reset-admin='])).toMatchObject({ kind: 'invalid' });
    expect(parseCommandLine(['studio', '--reset-admin', '--no-sandbox'])).toMatchObject({ kind: 'invalid' });
  });
});

describe('runCommandLine', () => {
  it('lets the app start normally without the switch', async () => {
    const out = output();
    await expect(runCommandLine(['studio'], fakeCore(), out)).resolves.toEqual({ exit: false, exitCode: 0 });
    expect(out.print).not.toHaveBeenCalled();
  });

  it('prints the new setup code and exits 0', async () => {
    const resetAdmin = vi.fn(async () => ({ code: 'K7P9-QRST-W2', expiresAt: Date.UTC(2026, 10, 29) }));
    const out = output();
    const result = await runCommandLine(['studio', '--reset-admin', 'ada@example.org'], fakeCore(resetAdmin), out);
    expect(result).toEqual({ exit: true, exitCode: 0 });
    expect(resetAdmin).toHaveBeenCalledWith('ada@example.org');
    expect(out.print.mock.calls[0]?.[0]).toContain('K7P9-QRST-W2');
  });

  it('prints the error and exits 1 when the core refuses', async () => {
    const resetAdmin = vi.fn(async (): Promise<{ code: string; expiresAt: number }> => {
      throw new StudioError('NOT_FOUND', 'No admin has this email.');
    });
    const out = output();
    const result = await runCommandLine(['studio', '--reset-admin=x@y.z'], fakeCore(resetAdmin), out);
    expect(result).toEqual({ exit: true, exitCode: 1 });
    expect(out.printError.mock.calls[0]?.[0]).toContain('No admin has this email.');
  });

  it('exits 1 and says so when the core offers no resetAdmin', async () => {
    const out = output();
    const result = await runCommandLine(['studio', '--reset-admin', 'a@b.c'], fakeCore(), out);
    expect(result).toEqual({ exit: true, exitCode: 1 });
    expect(out.printError.mock.calls[0]?.[0]).toMatch(/not available/);
  });

  it('exits 2 with the usage on a malformed switch', async () => {
    const out = output();
    await expect(runCommandLine(['studio', '--reset-admin'], fakeCore(), out)).resolves.toEqual({
      exit: true,
      exitCode: 2,
    });
    expect(out.printError.mock.calls[0]?.[0]).toMatch(/Usage/);
  });
});
