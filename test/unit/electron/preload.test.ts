import * as electronModule from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { StudioBridge } from '../../../src/preload/bridge';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../../../src/shared/contract/channels';
import type { FakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());
const electron = electronModule as unknown as FakeElectron;

let bridge: StudioBridge;

beforeAll(async () => {
  await import('../../../src/preload/index');
  bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as StudioBridge;
});

describe('preload bridge', () => {
  it('exposes exactly window.studio = { request, on }', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('studio');
    expect(Object.keys(bridge).sort()).toEqual(['on', 'request']);
    expect(typeof bridge.request).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('sends a request on the request channel and returns the envelope as is', async () => {
    const envelope = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in.' } };
    electron.ipcRenderer.invoke.mockResolvedValueOnce(envelope);
    await expect(bridge.request('auth.me', { a: 1 })).resolves.toBe(envelope);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(REQUEST_CHANNEL, 'auth.me', { a: 1 });
  });

  it('hands an imported file to IPC as the same Uint8Array (structured clone copies it as bytes; never JSON or base64)', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: {} });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    await bridge.request('media.import', { bytes, fileName: 'a.png' });
    const sent = electron.ipcRenderer.invoke.mock.calls.at(-1)?.[2] as { bytes: unknown };
    expect(sent.bytes).toBe(bytes);
  });

  it('refuses a route that is not a string with a VALIDATION_FAILED envelope, without sending it', async () => {
    electron.ipcRenderer.invoke.mockClear();
    for (const route of [{ toString: 'x' }, null, 42, ['auth.me']]) {
      await expect(bridge.request(route as never, {})).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the subscribed event, with its payload and nothing else', () => {
    const callback = vi.fn();
    const unsubscribe = bridge.on('job.updated', callback);
    const ipcEvent = { sender: { send: vi.fn() }, senderId: 0 };
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'quota.changed', { kind: 'image' });
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'job.updated', { id: 'j1' });
    electron.ipcRenderer.emit('some-other-channel', ipcEvent, 'job.updated', { id: 'j2' });
    expect(callback.mock.calls).toEqual([[{ id: 'j1' }]]);
    unsubscribe();
  });

  it('unsubscribes, and a second unsubscribe is harmless', () => {
    const before = electron.ipcRenderer.listenerCount(EVENT_CHANNEL);
    const callback = vi.fn();
    const unsubscribe = bridge.on('session.ended', callback);
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(before + 1);
    unsubscribe();
    unsubscribe();
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(before);
    electron.ipcRenderer.emit(EVENT_CHANNEL, {}, 'session.ended', { reason: 'idle' });
    expect(callback).not.toHaveBeenCalled();
  });

  it('refuses a subscription without a name or a function', () => {
    expect(() => bridge.on(42 as unknown as string, vi.fn())).toThrow(TypeError);
    expect(() => bridge.on('job.updated', 'alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});
