import path from 'node:path';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { SettingsDesktopHooks } from '../services/settings/desktopHooks';

/**
 * The settings page's desktop-only actions (open the log folder, save diagnostics…) on Electron's
 * shell and save dialog. The dialog is attached to the app window, so it is modal to it and cannot
 * be left open behind the window for the next person; the core re-checks the session once it is
 * answered.
 */
export function createSettingsDesktopHooks(deps: {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  /** the app's window, once it exists */
  currentWindow: () => BrowserWindow | null;
}): SettingsDesktopHooks {
  return {
    // resolves to '' when the file manager opened it, else the OS's reason
    openFolder: (folder) => deps.shell.openPath(folder),
    async chooseDiagnosticsFile(_transportId, suggestedName) {
      const options = {
        title: 'Save diagnostics',
        defaultPath: suggestedName,
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const window = deps.currentWindow();
      const result = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      // Linux dialogs do not add the filter's extension: a name typed without it still gets one
      return path.extname(result.filePath).toLowerCase() === '.zip' ? result.filePath : `${result.filePath}.zip`;
    },
  };
}
