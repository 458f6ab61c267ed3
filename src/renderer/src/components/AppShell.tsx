import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useCallback, useEffect, useRef } from 'react';
import type { JobDto } from '../../../shared/contract/routes/generation';
import { isStudioError } from '../../../shared/contract/errors';
import { IdleWarning } from '../features/auth/IdleWarning';
import { useActivityHeartbeat } from '../features/auth/useActivityHeartbeat';
import { flushDrafts } from '../features/generation/drafts/useDraft';
import { SetupChecklist } from '../features/firstRun/SetupChecklist';
import { JobQueuePanel } from '../features/generation/JobQueuePanel';
import { useJobEvents } from '../features/generation/useJobs';
import { openResultInCanvas } from '../features/generation/openResult';
import { ModelNoticeBanner } from '../features/settings/ModelNoticeBanner';
import { call } from '../ipc/client';
import { useMe } from '../queries/auth';
import { useLiveUpdates } from '../queries/liveUpdates';
import { pagesFor } from '../navigation';
import { endSession, useSessionStore } from '../stores/session';
import { applyTheme } from '../stores/theme';
import { documentTitle } from '../navigation';
import { ErrorPanel } from './ErrorPanel';
import { HeaderExtras } from './HeaderExtras';
import { Toasts } from './Toasts';
import styles from './AppShell.module.css';

/** The signed-in frame: header (app, quota slot, navigation, who is signed in, sign out) and the page. */
export function AppShell() {
  const me = useMe();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  useActivityHeartbeat();
  // the toast's "Open": the item in the lightbox, over the generator's canvas when it shows it, else
  // over the gallery (an address like any other)
  const openResult = useCallback(
    (job: JobDto) => {
      const item = job.results[0]?.id;
      if (item && openResultInCanvas(item)) return;
      void navigate({ to: '/gallery', search: item ? { item } : {} });
    },
    [navigate],
  );
  // one subscription for the whole window: the queue, results, quotas, gallery and toasts stay live on every page
  useLiveUpdates();
  useJobEvents(openResult);

  useEffect(() => {
    if (me.data) useSessionStore.getState().setIdleTimeoutMinutes(me.data.idleTimeoutMinutes);
  }, [me.data]);
  // the signed-in person's own theme; a session end goes back to the computer's (stores/theme.ts)
  const theme = me.data?.theme;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  const mainRef = useRef<HTMLElement>(null);
  const pageLabel = me.data ? pagesFor(me.data.role).find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`))?.label : undefined;
  useEffect(() => {
    document.title = documentTitle(pageLabel);
  }, [pageLabel]);
  useEffect(() => {
    // the session is gone and the event was missed (window asleep): same clean-up as the event
    if (isStudioError(me.error) && me.error.code === 'UNAUTHENTICATED') endSession('expired');
  }, [me.error]);

  if (me.isPending) return <div className="splash" aria-busy="true" aria-label="Loading your account" />;
  if (me.isError) return <ErrorPanel title="Your account could not be loaded" error={me.error} onRetry={() => me.refetch()} />;

  const pages = pagesFor(me.data.role);
  const page = pages.find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`));

  async function signOut(): Promise<void> {
    try {
      // the last few keystrokes' draft goes to main while the session still is this person's
      await flushDrafts();
      await call('auth.logout');
    } finally {
      endSession('logout');
    }
  }

  return (
    <div className={styles.shell}>
      <a
        href="#main-content"
        className="skip-link"
        onClick={(event) => {
          // the hash is the router's: move focus without navigating
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className={styles.header}>
        <div className={styles.top}>
          <span className={styles.appName}>Gemini Media Studio</span>
          {/* Jobs first in the right-hand group: when its counts appear it grows into the free space on
              its left, and nothing else in the header moves */}
          <div className={styles.jobs}>
            <JobQueuePanel />
          </div>
          <HeaderExtras me={me.data} />
          <span className={styles.signedInAs}>
            <span className="visually-hidden">Signed in as </span>
            <span data-testid="signed-in-email">{me.data.email}</span>
            {me.data.role === 'admin' ? <span className="badge">admin</span> : null}
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
        <nav aria-label="Main">
          <ul className={styles.navList}>
            {pages.map((p) => (
              <li key={p.path}>
                <button
                  type="button"
                  className={styles.navItem}
                  aria-current={p.path === page?.path ? 'page' : undefined}
                  onClick={() => void navigate({ to: p.path })}
                >
                  {p.adminOnly ? <span className={styles.navGroup}>Admin · </span> : null}
                  {p.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className={styles.main} id="main-content" ref={mainRef} tabIndex={-1}>
        {me.data.role === 'admin' && <ModelNoticeBanner />}
        {me.data.role === 'admin' && me.data.setupChecklist && <SetupChecklist />}
        <Outlet />
      </main>
      <Toasts />
      <IdleWarning idleTimeoutMinutes={me.data.idleTimeoutMinutes} />
    </div>
  );
}
