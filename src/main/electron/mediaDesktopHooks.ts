import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { MediaDesktopHooks } from '../services/media/desktopHooks';

/**
 * The gallery's desktop-only actions (export folder, save as…, reveal in folder) on Electron's
 * dialogs and shell. Dialogs are attached to the app window, so they are modal to it and cannot be
 * left open behind the window for the next person.
 */
export function createMediaDesktopHooks(deps: {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  /** the app's window, once it exists */
  currentWindow: () => BrowserWindow | null;
}): MediaDesktopHooks {
  return {
    async chooseExportFolder() {
      const options = { title: 'Export to folder', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const window = deps.currentWindow();
      const result = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveFile(_transportId, suggestedName) {
      const options = { title: 'Save as', defaultPath: suggestedName };
      const window = deps.currentWindow();
      const result = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    revealInFolder(absolutePath) {
      deps.shell.showItemInFolder(absolutePath);
    },
  };
}
