import { useEffect } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import { useActivityHeartbeat } from '../features/auth/useActivityHeartbeat';
import { JobQueuePanel } from '../features/generation/JobQueuePanel';
import { useJobEvents } from '../features/generation/useJobs';
import { call } from '../ipc/client';
import { useMe } from '../queries/auth';
import { pagesFor } from '../pages/registry';
import { useNavigationStore } from '../stores/navigation';
import { endSession, useSessionStore } from '../stores/session';
import { ErrorPanel } from './ErrorPanel';
import { HeaderExtras } from './HeaderExtras';
import { Toasts } from './Toasts';
import styles from './AppShell.module.css';

const openGallery = () => useNavigationStore.getState().go('gallery');

/** The signed-in frame: header (app, quota slot, navigation, who is signed in, sign out) and the page. */
export function AppShell() {
  const me = useMe();
  const pageId = useNavigationStore((s) => s.pageId);
  const visit = useNavigationStore((s) => s.visit);
  const go = useNavigationStore((s) => s.go);
  useActivityHeartbeat();
  // one subscription for the whole window: the queue, results and toasts stay live on every page
  useJobEvents(openGallery);

  useEffect(() => {
    if (me.data) useSessionStore.getState().setIdleTimeoutMinutes(me.data.idleTimeoutMinutes);
  }, [me.data]);
  useEffect(() => {
    // the session is gone and the event was missed (window asleep): same clean-up as the event
    if (isStudioError(me.error) && me.error.code === 'UNAUTHENTICATED') endSession('expired');
  }, [me.error]);

  if (me.isPending) return <div className="splash" aria-busy="true" aria-label="Loading your account" />;
  if (me.isError) return <ErrorPanel title="Your account could not be loaded" error={me.error} onRetry={() => me.refetch()} />;

  const pages = pagesFor(me.data.role);
  const page = pages.find((p) => p.id === pageId) ?? pages[0];
  const Page = page?.component;

  async function signOut(): Promise<void> {
    try {
      await call('auth.logout');
    } finally {
      endSession('logout');
    }
  }

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <div className={styles.top}>
          <span className={styles.appName}>Gemini Media Studio</span>
          <HeaderExtras me={me.data} />
          <JobQueuePanel />
          <span className={styles.signedInAs} aria-label="Signed in as">
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
              <li key={p.id}>
                <button type="button" className={styles.navItem} aria-current={p.id === page?.id ? 'page' : undefined} onClick={() => go(p.id)}>
                  {p.adminOnly ? <span className={styles.navGroup}>Admin · </span> : null}
                  {p.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className={styles.main}>{Page ? <Page key={`${page.id}:${visit}`} me={me.data} /> : null}</main>
      <Toasts />
    </div>
  );
}
