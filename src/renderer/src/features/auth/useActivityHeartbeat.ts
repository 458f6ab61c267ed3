import { useEffect } from 'react';
import { call } from '../../ipc/client';
import { queryKeys } from '../../queries/keys';
import { queryClient } from '../../queries/queryClient';
import { useActivityStore } from '../../stores/activity';

const HEARTBEAT_MS = 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Idle means nobody at the screen (docs/accounts.md). Any request touches the session in main, so a person
 * who only reads or scrolls would be signed out mid-task: on their pointer or keyboard activity we
 * send `auth.me`, at most once a minute. An unattended screen sends nothing and times out.
 */
export function useActivityHeartbeat(): void {
  useEffect(() => {
    let last = Date.now();
    // signing in (or mounting the shell after it) is where main started counting
    useActivityStore.getState().markActive();
    const onActivity = (): void => {
      const now = Date.now();
      if (now - last < HEARTBEAT_MS) return;
      last = now;
      call('auth.me')
        .then((me) => {
          queryClient.setQueryData(queryKeys.me, me);
          useActivityStore.getState().markActive();
        })
        .catch(() => {
          // a session that ended meanwhile is announced by `session.ended`
        });
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
    };
  }, []);
}
