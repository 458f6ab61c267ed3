import { isStudioError } from '../../shared/contract/errors';
import type { Core } from '../coreApi';

/**
 * Command-line actions the app performs instead of opening a window. Today: account recovery,
 * `--reset-admin <email>` (docs/accounts.md): when every admin is locked out, someone with OS-level access to
 * the workstation prints a fresh one-time setup code for that admin (`core.resetAdmin`, which also
 * lifts a lockout or deactivation and is audited).
 *
 * Only the first instance acts on its own command line. A second launch's arguments are never
 * executed by the running instance (another local program could pass them).
 */

export type CommandLineAction = { kind: 'none' } | { kind: 'reset-admin'; email: string } | { kind: 'invalid'; message: string };

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

export type CommandLineCore = Core;

export interface CommandLineOutput {
  print(line: string): void;
  printError(line: string): void;
}

export interface CommandLineResult {
  /** true: quit without opening a window */
  exit: boolean;
  exitCode: number;
}

/**
 * The hook point in the bootstrap: runs after the core is up, before any window exists. Returns
 * whether the app should exit instead of showing its window.
 */
export async function runCommandLine(argv: readonly string[], core: CommandLineCore, out: CommandLineOutput): Promise<CommandLineResult> {
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
      let issued: { code: string; expiresAt: number };
      try {
        issued = await core.resetAdmin(action.email);
      } catch (error) {
        out.printError(
          isStudioError(error)
            ? `Could not reset ${action.email}: ${error.message} (${error.code})`
            : `Could not reset ${action.email}: unexpected error.`,
        );
        return { exit: true, exitCode: 1 };
      }
      out.print(
        `One-time setup code for ${action.email}: ${issued.code}\n` +
          `Valid until ${new Date(issued.expiresAt).toLocaleString()}. Choose "I have a setup code" at sign-in and set a new password.`,
      );
      return { exit: true, exitCode: 0 };
    }
  }
}
