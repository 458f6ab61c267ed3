import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createMediaDesktopHooks } from '../../../src/main/electron/mediaDesktopHooks';

function setup(window: BrowserWindow | null = { id: 1 } as unknown as BrowserWindow) {
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/kim/Exports'] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/kim/fox.png' })),
  };
  const shell = { showItemInFolder: vi.fn() };
  return { dialog, shell, hooks: createMediaDesktopHooks({ dialog: dialog, shell, currentWindow: () => window }) };
}

describe('gallery desktop hooks', () => {
  it('asks for an export folder in a dialog attached to the app window', async () => {
    const window = { id: 7 } as unknown as BrowserWindow;
    const { dialog, hooks } = setup(window);
    expect(await hooks.chooseExportFolder?.('wc:1')).toBe('/home/kim/Exports');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
  });

  it('answers null when the person cancels, so nothing is written', async () => {
    const { dialog, hooks } = setup();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await hooks.chooseExportFolder?.('wc:1')).toBeNull();
    expect(await hooks.chooseSaveFile?.('wc:1', 'fox.png')).toBeNull();
  });

  it('suggests the generated name in the save dialog and reveals files in the file manager', async () => {
    const { dialog, shell, hooks } = setup();
    expect(await hooks.chooseSaveFile?.('wc:1', 'media-123.png')).toBe('/home/kim/fox.png');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ defaultPath: 'media-123.png' }));
    hooks.revealInFolder?.('/data/media/2026/11/x.png');
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/data/media/2026/11/x.png');
  });
});
