import type { PowerMonitor } from 'electron';

/**
 * docs/accounts.md: a session ends when the OS screen locks. Electron emits `lock-screen` on macOS and
 * Windows only; on Linux the idle state reports `locked` where the desktop exposes its screen
 * saver (Chromium asks it over D-Bus), so there we look every few seconds and act on the change
 * from unlocked to locked. Where the desktop tells nothing, the idle timeout still applies.
 */
export function watchScreenLock(deps: {
  powerMonitor: Pick<PowerMonitor, 'on' | 'getSystemIdleState'>;
  platform: NodeJS.Platform;
  onLock: () => void;
  intervalMs?: number;
}): () => void {
  deps.powerMonitor.on('lock-screen', deps.onLock);
  if (deps.platform !== 'linux') return () => {};
  let wasLocked = false;
  const timer = setInterval(() => {
    const locked = deps.powerMonitor.getSystemIdleState(60) === 'locked';
    if (locked && !wasLocked) deps.onLock();
    wasLocked = locked;
  }, deps.intervalMs ?? 5_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
