import { useAppStatus } from './queries/app';
import { FirstRunPage } from './pages/FirstRunPage';
import { StatusPage } from './pages/StatusPage';
import { ErrorPanel } from './components/ErrorPanel';
import { GalleryPage } from './features/gallery/GalleryPage';

/** Chooses the screen from what main says about the app and this window's session. */
export function App() {
  const status = useAppStatus();
  if (status.isPending) return <div className="splash" aria-busy="true" aria-label="Loading" />;
  if (status.isError) return <ErrorPanel title="The studio could not start" error={status.error} onRetry={() => status.refetch()} />;
  if (status.data.firstRun) return <FirstRunPage status={status.data} />;
  // Until the app shell and its page registry land (accounts work), a signed-in window shows the gallery.
  if (status.data.signedIn) return <GalleryPage />;
  return <StatusPage status={status.data} />;
}
