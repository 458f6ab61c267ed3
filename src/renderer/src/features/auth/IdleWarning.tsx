import { useEffect, useRef, useState } from 'react';
import { call } from '../../ipc/client';
import { queryKeys } from '../../queries/keys';
import { queryClient } from '../../queries/queryClient';
import { useActivityStore } from '../../stores/activity';
import styles from './IdleWarning.module.css';

/** How long before the idle sign-out the warning shows. */
const WARN_MS = 60_000;

/**
 * One minute before main signs an idle person out, a warning with a countdown and "Stay signed in"
 * (docs/renderer.md). Staying sends the activity heartbeat, which restarts main's idle count; so does
 * any pointer or keyboard activity (the warning then goes away by itself). Nothing typed is touched:
 * the warning sits over the page without unmounting it, and focus goes back where it was.
 */
export function IdleWarning({ idleTimeoutMinutes }: { idleTimeoutMinutes: number }) {
  const lastActiveAt = useActivityStore((s) => s.lastActiveAt);
  const signOutAt = lastActiveAt + idleTimeoutMinutes * 60_000;
  const [now, setNow] = useState(() => Date.now());
  const [failed, setFailed] = useState(false);
  const showing = now >= signOutAt - WARN_MS;

  useEffect(() => {
    setNow(Date.now());
    const wait = signOutAt - WARN_MS - Date.now();
    // before the warning: one timer; during it: a tick a second for the countdown
    if (wait > 0) {
      const timer = setTimeout(() => setNow(Date.now()), wait);
      return () => clearTimeout(timer);
    }
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [signOutAt, showing]);

  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!showing) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    buttonRef.current?.focus();
    return () => {
      const back = returnTo.current;
      if (back?.isConnected) back.focus();
    };
  }, [showing]);

  if (!showing) return null;
  const seconds = Math.max(0, Math.ceil((signOutAt - now) / 1000));

  async function stay(): Promise<void> {
    try {
      const me = await call('auth.me');
      queryClient.setQueryData(queryKeys.me, me);
      useActivityStore.getState().markActive();
      setFailed(false);
    } catch {
      // a session that already ended is announced by `session.ended`
      setFailed(true);
    }
  }

  return (
    <div className={styles.warning} role="alertdialog" aria-modal="false" aria-labelledby="idle-title" aria-describedby="idle-text">
      <h2 id="idle-title" className={styles.title}>
        Are you still there?
      </h2>
      <p id="idle-text">
        Without activity you will be signed out in {seconds} {seconds === 1 ? 'second' : 'seconds'}. What you typed is kept.
      </p>
      {failed && <p className="form-error">The studio could not be reached. Try again.</p>}
      <button type="button" className="primary" ref={buttonRef} onClick={() => void stay()}>
        Stay signed in
      </button>
    </div>
  );
}
