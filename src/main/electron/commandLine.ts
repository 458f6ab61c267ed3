import type { Core, Envelope } from '../coreApi';

/**
 * Command-line actions the app performs instead of opening a window. Today: account recovery,
 * `--reset-admin <email>` (SPEC §2): when every admin is locked out, someone with OS-level access to
 * the workstation prints a fresh one-time setup code for that admin. The accounts work provides
 * `core.resetAdmin`; until it exists the switch says so and exits.
 *
 * Only the first instance acts on its own command line. A second launch's arguments are never
 * executed by the running instance (another local program could pass them).
 */

export type CommandLineAction =
  | { kind: 'none' }
  | { kind: 'reset-admin'; email: string }
  | { kind: 'invalid'; message: string };

const RESET_ADMIN = '--reset-admin';

export function parseCommandLine(argv: readonly string[]): CommandLineAction {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    let email: string | undefined;
    if (arg === RESET_ADMIN) {
      email = argv[i + 1];
    } else if (arg.startsWith(`${RESET_ADMIN}=`)) {
      email = arg.slice(RESET_ADMIN.length + 1);
    } else {
      continue;
    }
    email = email?.trim();
    if (!email || email.startsWith('-')) {
      return { kind: 'invalid', message: `Usage: ${RESET_ADMIN} <admin email>` };
    }
    return { kind: 'reset-admin', email };
  }
  return { kind: 'none' };
}

/** What the accounts work will add to the core; optional so the shell compiles without it. */
export type CommandLineCore = Core & {
  resetAdmin?: (email: string) => Promise<Envelope>;
};

export interface CommandLineOutput {
  print(line: string): void;
  printError(line: string): void;
}

export interface CommandLineResult {
  /** true: quit without opening a window */
  exit: boolean;
  exitCode: number;
}

function setupCodeOf(data: unknown): string | null {
  if (typeof data === 'object' && data !== null && 'code' in data) {
    const { code } = data as { code: unknown };
    if (typeof code === 'string') return code;
  }
  return null;
}

/**
 * The hook point in the bootstrap: runs after the core is up, before any window exists. Returns
 * whether the app should exit instead of showing its window.
 */
export async function runCommandLine(
  argv: readonly string[],
  core: CommandLineCore,
  out: CommandLineOutput,
): Promise<CommandLineResult> {
  const action = parseCommandLine(argv);
  switch (action.kind) {
    case 'none':
      return { exit: false, exitCode: 0 };
    case 'invalid':
      out.printError(action.message);
      return { exit: true, exitCode: 2 };
    case 'reset-admin': {
      if (typeof core.resetAdmin !== 'function') {
        out.printError(`${RESET_ADMIN} is not available in this build yet.`);
        return { exit: true, exitCode: 1 };
      }
      let result: Envelope;
      try {
        result = await core.resetAdmin(action.email);
      } catch {
        out.printError(`Could not reset ${action.email}: unexpected error.`);
        return { exit: true, exitCode: 1 };
      }
      if (!result.ok) {
        out.printError(`Could not reset ${action.email}: ${result.error.message} (${result.error.code})`);
        return { exit: true, exitCode: 1 };
      }
      const code = setupCodeOf(result.data);
      out.print(
        code
          ? `One-time setup code for ${action.email}: ${code}\nSign in with it and choose a new password.`
          : `Reset done for ${action.email}.`,
      );
      return { exit: true, exitCode: 0 };
    }
  }
}
