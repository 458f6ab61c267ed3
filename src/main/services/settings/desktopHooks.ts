/**
 * What only the desktop shell can do for logs and diagnostics: the file manager and a native save
 * dialog. The Electron shell passes these to `createCore` (`settingsDesktop`); the browser harness
 * passes none, and the settings page hides or replaces the matching buttons
 * (`settings.diagnostics.capabilities.get`). `transportId` names the window asking.
 */
export interface SettingsDesktopHooks {
  /** Electron: `shell.openPath(folder)`; resolves to '' when it opened, else the OS's reason */
  openFolder?: (absolutePath: string) => Promise<string>;
  /** Electron: `dialog.showSaveDialog(win, { defaultPath: suggestedName, filters: zip })`; null when cancelled */
  chooseDiagnosticsFile?: (transportId: string, suggestedName: string) => Promise<string | null>;
}
