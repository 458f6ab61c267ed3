import { useAppStatus } from './queries/app';
import { FirstRunPage } from './pages/FirstRunPage';
import { StatusPage } from './pages/StatusPage';
import { ErrorPanel } from './components/ErrorPanel';

/** Chooses the screen from what main says about the app and this window's session. */
export function App() {
  const status = useAppStatus();
  if (status.isPending) return <div className="splash" aria-busy="true" aria-label="Loading" />;
  if (status.isError) return <ErrorPanel title="The studio could not start" error={status.error} onRetry={() => status.refetch()} />;
  if (status.data.firstRun) return <FirstRunPage status={status.data} />;
  return <StatusPage status={status.data} />;
}
