import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchScreenLock } from '../../../src/main/electron/screenLockWatch';

function fakePowerMonitor(states: string[]) {
  const monitor = Object.assign(new EventEmitter(), { getSystemIdleState: vi.fn(() => states.shift() ?? 'active') });
  return monitor as unknown as Parameters<typeof watchScreenLock>[0]['powerMonitor'] & EventEmitter;
}

afterEach(() => vi.useRealTimers());

describe('screen lock ends every session', () => {
  it('on macOS and Windows through the lock-screen event, without polling', () => {
    vi.useFakeTimers();
    const monitor = fakePowerMonitor([]);
    const onLock = vi.fn();
    watchScreenLock({ powerMonitor: monitor, platform: 'win32', onLock });
    monitor.emit('lock-screen');
    vi.advanceTimersByTime(60_000);
    expect(onLock).toHaveBeenCalledTimes(1);
    expect(monitor.getSystemIdleState).not.toHaveBeenCalled();
  });

  it('on Linux when the idle state turns to locked, once per lock', () => {
    vi.useFakeTimers();
    const monitor = fakePowerMonitor(['active', 'locked', 'locked', 'active', 'locked']);
    const onLock = vi.fn();
    const stop = watchScreenLock({ powerMonitor: monitor, platform: 'linux', onLock, intervalMs: 1_000 });
    vi.advanceTimersByTime(3_000);
    expect(onLock).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_000);
    expect(onLock).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(5_000);
    expect(monitor.getSystemIdleState).toHaveBeenCalledTimes(5);
  });
});
