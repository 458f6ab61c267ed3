import { isAppUrl } from './windowPolicy';

/**
 * Who may talk to main over IPC: only the top-level document of our own window, showing our own
 * renderer. Checked before anything else on every request (ipcTransport.ts), as VS Code does for
 * every IPC entry point (src/vs/base/parts/ipc/electron-main/ipcMain.ts) and as Electron's security
 * checklist §17 asks: https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 *
 * The shapes below are the parts of Electron's IpcMainInvokeEvent / WebContents / WebFrameMain that
 * the check reads, so it is unit-tested with plain objects.
 */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  /** true while an unloading document's frame has already been replaced in the frame tree */
  readonly detached: boolean;
  readonly frameTreeNodeId: number;
  isDestroyed(): boolean;
}

export interface SenderLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  getType(): string;
  isDestroyed(): boolean;
}

export interface IpcEventLike {
  readonly sender: SenderLike;
  /** null when the frame navigated away or was destroyed before the message was handled */
  readonly senderFrame: FrameLike | null;
}

export interface SenderTrust {
  /** origin of our renderer (`studio-app://renderer`, or the dev server in development) */
  appOrigin: string;
  /** true only for the webContents of windows the shell created itself */
  isAppWebContents(sender: SenderLike): boolean;
}

export function isTrustedSender(event: IpcEventLike, trust: SenderTrust): boolean {
  const { sender, senderFrame: frame } = event;

  // Threat: a message that outlived its document. After a reload or navigation the frame object is
  // gone (null) or detached; whatever it asks for must not run under the new document's session.
  if (!frame || frame.detached || frame.isDestroyed()) return false;
  if (sender.isDestroyed()) return false;

  // Threat: an embedded frame (an iframe the CSP failed to stop, an ad in a previewed document)
  // calling the bridge. Only the top-level document is ours.
  if (frame.parent !== null) return false;
  if (frame.frameTreeNodeId !== sender.mainFrame.frameTreeNodeId) return false;

  // Threat: a <webview>, DevTools extension page or any other webContents. webviewTag is off, but
  // the type and our own registry are checked anyway so a future window cannot inherit the bridge.
  if (sender.getType() !== 'window') return false;
  if (!trust.isAppWebContents(sender)) return false;

  // Threat: our window showing someone else's page (navigation is denied, this is the second lock).
  return isAppUrl(frame.url, trust.appOrigin);
}

/** The transport identity of a webContents: what the core binds a session to. */
export function transportIdOf(sender: { readonly id: number }): string {
  return `wc:${sender.id}`;
}
