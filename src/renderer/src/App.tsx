import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useAppStatus } from './queries/app';
import { FirstRunPage } from './pages/FirstRunPage';
import { SignedOutPage } from './pages/SignedOutPage';
import { ErrorPanel } from './components/ErrorPanel';
import { listenForSessionEnd } from './features/auth/sessionEvents';
import { listenForMouseHistoryButtons, resetLocationForNextPerson, router } from './router';
import { useSessionStore } from './stores/session';

/**
 * Every session end mounts the screens afresh (the key): with the stores and the query cache
 * cleared, no component keeps a previous person's typed text, selection or data.
 */
export function App() {
  const generation = useSessionStore((s) => s.generation);
  useEffect(() => listenForSessionEnd(), []);
  useEffect(() => listenForMouseHistoryButtons(), []);
  return <Screens key={generation} />;
}

/** Chooses the screen from what main says about the app and this window's session. */
function Screens() {
  const status = useAppStatus();
  const signedIn = status.data?.signedIn === true && !status.data.firstRun;
  useEffect(() => {
    if (status.data && !signedIn) resetLocationForNextPerson();
  }, [status.data, signedIn]);
  if (status.isPending) return <div className="splash" aria-busy="true" aria-label="Loading" />;
  if (status.isError) return <ErrorPanel title="The studio could not start" error={status.error} onRetry={() => status.refetch()} />;
  if (status.data.firstRun) return <FirstRunPage status={status.data} />;
  if (!status.data.signedIn) return <SignedOutPage status={status.data} />;
  // the signed-in shell and its pages, chosen by the location (router.tsx)
  return <RouterProvider router={router} />;
}
