import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { RouteOutput } from '../../../shared/contract/types';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { user } from '../../db/schema';
import { withWriteTx } from '../../db/tx';
import type { Actor, Caller } from '../../identity';
import { recordAudit } from '../audit/auditRecord';
import type { SettingsDesktopHooks } from './desktopHooks';
import { collectDiagnostics, DEFAULT_LOG_BUDGET_BYTES } from './diagnosticsReport';
import { writeZipDurably } from './zipWriter';

export interface DiagnosticsDeps {
  db: Db;
  clock: Clock;
  workstation: () => WorkstationIdentity;
  dataDir: string;
  /** `<dataDir>/logs`, where main's log is written */
  logDir: string;
  /** the settings page's view (no secrets), reused so the zip holds nothing the page does not show */
  snapshot: () => RouteOutput<'settings.get'>;
  versions: { app: string; googleGenai: string };
  desktop: SettingsDesktopHooks;
  /** the session bound to a window now, to notice a sign-out while a dialog was open */
  currentSessionId: (transportId: string) => string | null;
  /** bytes of logs at most in one zip (newest kept); tests lower it */
  logBudgetBytes?: number;
}

/**
 * The admin's "Open log folder" and "Save diagnostics…" (docs/operations.md). In the desktop app the
 * folder opens in the file manager and the zip goes where the save dialog says; the browser harness
 * has neither, so the zip goes to `<data folder>/exports/` and the page shows the path.
 */
export class Diagnostics {
  constructor(private readonly deps: DiagnosticsDeps) {}

  capabilities(): RouteOutput<'settings.diagnostics.capabilities.get'> {
    return {
      openLogFolder: Boolean(this.deps.desktop.openFolder),
      chooseSaveLocation: Boolean(this.deps.desktop.chooseDiagnosticsFile),
      logFolder: this.deps.logDir,
    };
  }

  async openLogFolder(): Promise<RouteOutput<'settings.logs.open'>> {
    const openFolder = this.deps.desktop.openFolder;
    if (!openFolder) throw new StudioError('NOT_FOUND', 'Opening the log folder is only available in the desktop app.');
    // the first line may not have been written yet (a fresh data folder)
    await fs.mkdir(this.deps.logDir, { recursive: true });
    const problem = await openFolder(this.deps.logDir);
    if (problem) throw new StudioError('NOT_FOUND', `The log folder could not be opened (${problem}). It is ${this.deps.logDir}.`);
    return { opened: true, path: this.deps.logDir };
  }

  async save(actor: Actor, caller: Caller): Promise<RouteOutput<'settings.diagnostics.save'>> {
    const now = this.deps.clock.now();
    const name = `studio-diagnostics-${fileStamp(now)}.zip`;
    let target: string;
    const choose = this.deps.desktop.chooseDiagnosticsFile;
    if (choose) {
      const chosen = await choose(caller.transportId, name);
      if (!chosen) return { saved: false, path: null, bytes: 0, entries: [] };
      // The dialog may have stayed open past a sign-out (screen lock, idle timeout): whoever
      // answers it now must not get the workstation's logs.
      this.assertStillSignedIn(caller, actor);
      target = chosen;
    } else {
      const dir = path.join(this.deps.dataDir, 'exports');
      await fs.mkdir(dir, { recursive: true });
      target = await freeName(dir, name);
    }
    const entries = await collectDiagnostics({
      db: this.deps.db,
      snapshot: this.deps.snapshot,
      versions: this.deps.versions,
      logDir: this.deps.logDir,
      logBudgetBytes: this.deps.logBudgetBytes ?? DEFAULT_LOG_BUDGET_BYTES,
      now,
    });
    let bytes: number;
    try {
      ({ bytes } = await writeZipDurably(target, entries, now));
    } catch (error) {
      throw targetError(error, target) ?? error;
    }
    const names = entries.map((e) => e.name);
    withWriteTx(this.deps.db, () =>
      recordAudit(this.deps.db, {
        action: 'settings.diagnostics.saved',
        actor: { id: actor.userId, email: actor.email },
        details: { path: target, bytes, logFiles: names.filter((n) => n.startsWith('logs/')).length },
        workstation: this.deps.workstation(),
        at: this.deps.clock.now(),
      }),
    );
    return { saved: true, path: target, bytes, entries: names };
  }

  private assertStillSignedIn(caller: Caller, actor: Actor): void {
    if (this.deps.currentSessionId(caller.transportId) !== actor.sessionId) {
      throw new StudioError('UNAUTHENTICATED', 'You were signed out while the dialog was open, so nothing was written.');
    }
    // another admin may have demoted or deactivated this account meanwhile
    const row = this.deps.db.select({ role: user.role, isActive: user.isActive }).from(user).where(eq(user.id, actor.userId)).get();
    if (!row?.isActive || row.role !== 'admin') {
      throw new StudioError('FORBIDDEN', 'Your account lost admin access while the dialog was open, so nothing was written.');
    }
  }
}

/** `20261126-090000` in UTC: sorts by time and is a valid file name everywhere. */
function fileStamp(now: number): string {
  return new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
}

/** `name`, or `name-2`, `name-3`… when an earlier zip in the same second took it. */
async function freeName(dir: string, name: string): Promise<string> {
  const base = name.replace(/\.zip$/, '');
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${base}-${n}.zip`);
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
}

/**
 * A chosen folder that refuses the write is not the studio's storage failing: say which folder, so
 * the admin picks another (the generic storage messages talk about the media folder and database).
 */
function targetError(error: unknown, target: string): StudioError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = path.dirname(target);
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new StudioError('DISK_FULL', `The disk holding ${folder} is full, so the diagnostics were not saved.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT') {
    return new StudioError('STORAGE_UNWRITABLE', `The diagnostics could not be written to ${folder}: choose a folder you may write to.`);
  }
  return undefined;
}
