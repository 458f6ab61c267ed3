import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createSettingsDesktopHooks } from '../../../src/main/electron/settingsDesktopHooks';

function setup(window: BrowserWindow | null = { id: 1 } as unknown as BrowserWindow) {
  const dialog = { showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/home/kim/diagnostics.zip' })) };
  const shell = { openPath: vi.fn(async (_folder: string) => '') };
  return { dialog, shell, hooks: createSettingsDesktopHooks({ dialog, shell, currentWindow: () => window }) };
}

describe('settings desktop hooks', () => {
  it('opens the log folder in the file manager and passes on the reason when it cannot', async () => {
    const { shell, hooks } = setup();
    expect(await hooks.openFolder?.('/data/logs')).toBe('');
    expect(shell.openPath).toHaveBeenCalledWith('/data/logs');
    shell.openPath.mockResolvedValueOnce('Failed to open path');
    expect(await hooks.openFolder?.('/data/logs')).toBe('Failed to open path');
  });

  it('asks where to save in a dialog attached to the app window, suggesting the name and offering zip files', async () => {
    const window = { id: 7 } as unknown as BrowserWindow;
    const { dialog, hooks } = setup(window);
    expect(await hooks.chooseDiagnosticsFile?.('wc:1', 'studio-diagnostics-20261126-090000.zip')).toBe('/home/kim/diagnostics.zip');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: 'studio-diagnostics-20261126-090000.zip',
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
        properties: expect.arrayContaining(['showOverwriteConfirmation']),
      }),
    );
  });

  it('still opens the dialog before the window exists', async () => {
    const { dialog, hooks } = setup(null);
    await hooks.chooseDiagnosticsFile?.('wc:1', 'd.zip');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'd.zip' }));
  });

  it('answers null when the person cancels, so nothing is written', async () => {
    const { dialog, hooks } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await hooks.chooseDiagnosticsFile?.('wc:1', 'd.zip')).toBeNull();
  });

  it('adds .zip to a name typed without it (Linux dialogs do not)', async () => {
    const { dialog, hooks } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/kim/for-support' });
    expect(await hooks.chooseDiagnosticsFile?.('wc:1', 'd.zip')).toBe('/home/kim/for-support.zip');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/kim/FOR-SUPPORT.ZIP' });
    expect(await hooks.chooseDiagnosticsFile?.('wc:1', 'd.zip')).toBe('/home/kim/FOR-SUPPORT.ZIP');
  });
});
