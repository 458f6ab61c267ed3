import { contextBridge, ipcRenderer } from 'electron';
import { createStudioBridge } from './bridge';

/**
 * The whole bridge between the page and main: `window.studio = { request, on }`, nothing else.
 * The page never sees `ipcRenderer`, an IpcRendererEvent (whose `sender` could send on any
 * channel), Node, or `process`. Bundled whole to out/preload/index.cjs: a sandboxed preload cannot
 * require() our modules, only `electron`'s renderer subset. This entry exports nothing.
 */
contextBridge.exposeInMainWorld('studio', createStudioBridge(ipcRenderer));
