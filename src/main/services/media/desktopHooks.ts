/**
 * What only the desktop shell can do for the media library: native dialogs and the file manager.
 * The Electron shell passes these to `createCore` (`mediaDesktop`); the browser harness passes none,
 * and the gallery hides the matching buttons (`media.capabilities.get`). `transportId` names the
 * window asking, so a dialog opens attached to it.
 */
export interface MediaDesktopHooks {
  /** Electron: `dialog.showOpenDialog(win, { properties: ['openDirectory', 'createDirectory'] })`; null when cancelled */
  chooseExportFolder?: (transportId: string) => Promise<string | null>;
  /** Electron: `dialog.showSaveDialog(win, { defaultPath: suggestedName })`; null when cancelled */
  chooseSaveFile?: (transportId: string, suggestedName: string) => Promise<string | null>;
  /** Electron: `shell.showItemInFolder(absolutePath)` */
  revealInFolder?: (absolutePath: string) => void;
}
