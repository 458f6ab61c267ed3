import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../../../src/shared/contract/channels';
import { registerIpcTransport } from '../../../src/main/electron/ipcTransport';
import type { IpcEventLike } from '../../../src/main/electron/senderValidation';
import { createFakeElectron, FakeFrame, FakeWebContents } from './fakeElectron';

function setup() {
  const electron = createFakeElectron();
  const sinks = new Map<string, (event: string, payload: unknown) => void>();
  const core = {
    router: { dispatch: vi.fn(async (_caller: unknown, _route: unknown, _input: unknown) => ({ ok: true as const, data: 'pong' })) },
    events: {
      connect: vi.fn((transportId: string, send: (event: string, payload: unknown) => void) => {
        sinks.set(transportId, send);
        return vi.fn(() => void sinks.delete(transportId));
      }),
    },
    disconnect: vi.fn(),
  };
  const transport = registerIpcTransport({ ipcMain: electron.ipcMain, core, appOrigin: 'studio-app://renderer' });
  const handler = electron.ipcMain.handlers.get(REQUEST_CHANNEL) as (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;
  return { electron, core, transport, handler, sinks };
}

describe('IPC transport', () => {
  it('registers exactly one handler, on the request channel', () => {
    const { electron } = setup();
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(electron.ipcMain.handle).toHaveBeenCalledWith(REQUEST_CHANNEL, expect.any(Function));
  });

  it('dispatches a trusted request with the identity of the sending window, not of the input', async () => {
    const { core, transport, handler } = setup();
    const contents = new FakeWebContents();
    transport.attach(contents);
    const result = await handler({ sender: contents, senderFrame: contents.mainFrame }, 'app.status', {
      transportId: 'wc:999',
    });
    expect(result).toEqual({ ok: true, data: 'pong' });
    expect(core.router.dispatch).toHaveBeenCalledWith({ transportId: `wc:${contents.id}` }, 'app.status', {
      transportId: 'wc:999',
    });
  });

  it('passes the input to the router as IPC delivered it: an imported file stays the same Uint8Array', async () => {
    const { core, transport, handler } = setup();
    const contents = new FakeWebContents();
    transport.attach(contents);
    const input = { bytes: new Uint8Array([1, 2, 3]), fileName: 'a.png' };
    await handler({ sender: contents, senderFrame: contents.mainFrame }, 'media.import', input);
    expect(core.router.dispatch.mock.calls.at(-1)?.[2]).toBe(input);
    expect((core.router.dispatch.mock.calls.at(-1)?.[2] as typeof input).bytes).toBe(input.bytes);
  });

  it('refuses untrusted senders with FORBIDDEN and never calls the router', async () => {
    const { core, transport, handler } = setup();
    const ours = new FakeWebContents();
    transport.attach(ours);
    const stranger = new FakeWebContents();
    const iframe = new FakeFrame('studio-app://renderer/index.html', 77, ours.mainFrame);
    const foreignPage = new FakeWebContents('https://evil.example/');
    transport.attach(foreignPage);

    const events: IpcEventLike[] = [
      { sender: stranger, senderFrame: stranger.mainFrame },
      { sender: ours, senderFrame: iframe },
      { sender: ours, senderFrame: null },
      { sender: foreignPage, senderFrame: foreignPage.mainFrame },
    ];
    for (const event of events) {
      const result = await handler(event, 'auth.login', { email: 'a@b.c', password: 'x' });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(core.router.dispatch).not.toHaveBeenCalled();
  });

  it('answers with an INTERNAL envelope if the router ever throws (a rejected invoke loses the code)', async () => {
    const { core, transport, handler } = setup();
    const contents = new FakeWebContents();
    transport.attach(contents);
    core.router.dispatch.mockRejectedValueOnce(new Error('boom'));
    await expect(handler({ sender: contents, senderFrame: contents.mainFrame }, 'x', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('delivers events of the window transport on the event channel', () => {
    const { transport, sinks } = setup();
    const contents = new FakeWebContents();
    transport.attach(contents);
    sinks.get(`wc:${contents.id}`)?.('session.ended', { reason: 'idle' });
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'session.ended', { reason: 'idle' });
  });

  it('ends the session when the main frame loads a new document (reload), keeping event delivery', () => {
    const { core, transport, sinks } = setup();
    const contents = new FakeWebContents();
    transport.attach(contents);
    const transportId = `wc:${contents.id}`;

    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(core.disconnect).toHaveBeenCalledWith(transportId);
    expect(core.events.connect).toHaveBeenCalledTimes(2);
    expect(sinks.has(transportId)).toBe(true);
  });

  it('keeps the session on in-page navigation and subframe navigation', () => {
    const { core, transport } = setup();
    const contents = new FakeWebContents();
    transport.attach(contents);
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    contents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(core.disconnect).not.toHaveBeenCalled();
  });

  it('ends the session when the renderer crashes', () => {
    const { core, transport } = setup();
    const contents = new FakeWebContents();
    transport.attach(contents);
    contents.emit('render-process-gone');
    expect(core.disconnect).toHaveBeenCalledWith(`wc:${contents.id}`);
  });

  it('ends the session and forgets the window when it is destroyed', async () => {
    const { core, transport, handler, sinks } = setup();
    const contents = new FakeWebContents();
    transport.attach(contents);
    expect(transport.transportIds()).toEqual([`wc:${contents.id}`]);

    contents.emit('destroyed');
    expect(core.disconnect).toHaveBeenCalledWith(`wc:${contents.id}`);
    expect(sinks.has(`wc:${contents.id}`)).toBe(false);
    expect(transport.transportIds()).toEqual([]);
    // A late message from it is no longer trusted.
    await expect(handler({ sender: contents, senderFrame: contents.mainFrame }, 'x', {})).resolves.toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  it('does not send to a destroyed window', () => {
    const { transport, sinks } = setup();
    const contents = new FakeWebContents();
    transport.attach(contents);
    contents.destroyed = true;
    sinks.get(`wc:${contents.id}`)?.('session.ended', {});
    expect(contents.send).not.toHaveBeenCalled();
  });
});
