import { onEvent } from '../../ipc/client';
import { endSession } from '../../stores/session';

let started = false;

/** Listens once, for the window's lifetime, for main saying this window's session ended. */
export function listenForSessionEnd(): void {
  if (started) return;
  started = true;
  onEvent('session.ended', ({ reason }) => endSession(reason));
}
