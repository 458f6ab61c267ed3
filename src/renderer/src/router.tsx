import {
  createHashHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Navigate,
  redirect,
  type RouteComponent,
  type RouterHistory,
} from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { AppShell } from './components/AppShell';
import { parseGallerySearch } from './features/gallery/gallerySearch';
import { AuditPage } from './pages/AuditPage';
import { EditPage } from './pages/EditPage';
import { GalleryPage } from './pages/GalleryPage';
import { GenerationLogPage } from './pages/GenerationLogPage';
import { ImagePage } from './pages/ImagePage';
import { ProfilePage } from './pages/ProfilePage';
import { startPage } from './navigation';
import { SettingsPage } from './pages/SettingsPage';
import { UsageReportPage } from './pages/UsageReportPage';
import { UsersPage } from './pages/UsersPage';
import { VideoPage } from './pages/VideoPage';
import { type Me, useMe } from './queries/auth';
import { type GeneratorTarget, useGeneratorIntent } from './stores/generatorIntent';
import { registerSessionReset } from './stores/sessionReset';

/**
 * The signed-in pages as routes in the location's hash (`studio-app://app/#/gallery?item=…`): hash
 * history needs nothing from the server, so the same build works from the app's own scheme in
 * Electron and from the browser harness, and every page and gallery view has an address that
 * back/forward and the mouse's side buttons return to. Sign-in and first run are not routes: they
 * are shown whatever the location says (App.tsx). See docs/renderer.md.
 */

// Every entry this window pushes is stamped with the session it was made in. At a session end the
// stamp changes, so "back" after the next sign-in cannot reopen the previous person's gallery view
// (their search words, their item): such an entry lands on the start page instead. Typed and pasted
// addresses carry no stamp and are honoured. sessionStorage keeps the stamp across a reload.
const OWNER_KEY = 'studio.locationOwner';
let owner = readOwner();

function readOwner(): string {
  try {
    return sessionStorage.getItem(OWNER_KEY) ?? rotateOwner();
  } catch {
    return crypto.randomUUID();
  }
}

function rotateOwner(): string {
  const next = crypto.randomUUID();
  try {
    sessionStorage.setItem(OWNER_KEY, next);
  } catch {
    // no storage (a sandboxed test page): the stamp then only lives as long as the page
  }
  owner = next;
  return next;
}

function stamped(history: RouterHistory): RouterHistory {
  const { push, replace } = history;
  history.push = (path, state, options) => push(path, { ...state, owner }, options);
  history.replace = (path, state, options) => replace(path, { ...state, owner }, options);
  return history;
}

/** The signed-in person; the shell renders routes only once it is loaded. */
function useSignedIn(): Me {
  const me = useMe();
  if (!me.data) throw new Error('A page rendered before the account was loaded');
  return me.data;
}

function StartPage() {
  return <Navigate to={startPage(useSignedIn().role)} replace />;
}

/** Main refuses admin routes to everyone else anyway; a non-admin who types the address lands on the start page. */
function adminOnly(Page: ComponentType) {
  return function AdminRoute() {
    const me = useSignedIn();
    return me.role === 'admin' ? <Page /> : <Navigate to={startPage(me.role)} replace />;
  };
}

/** A generator page, mounted anew when an intent ("Try again…", "Animate") targets it, even while showing. */
function generator(target: GeneratorTarget, Page: ComponentType) {
  return function GeneratorRoute() {
    const visit = useGeneratorIntent((s) => (s.opened?.target === target ? s.opened.visit : 0));
    return <Page key={visit} />;
  };
}

const rootRoute = createRootRoute({
  beforeLoad: ({ location }) => {
    const stamp = (location.state as { owner?: unknown }).owner;
    // TanStack Router's documented way to redirect from beforeLoad is to throw its redirect object
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (stamp !== undefined && stamp !== owner) throw redirect({ to: '/', replace: true });
  },
  component: AppShell,
  notFoundComponent: StartPage,
});

const page = <P extends string>(path: P, component: RouteComponent) => createRoute({ getParentRoute: () => rootRoute, path, component });

const galleryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gallery',
  validateSearch: parseGallerySearch,
  component: function GalleryRoute() {
    const me = useSignedIn();
    return <GalleryPage isAdmin={me.role === 'admin'} viewerId={me.userId} />;
  },
});

const routeTree = rootRoute.addChildren([
  page('/', StartPage),
  page('/image', generator('image', ImagePage)),
  page('/edit', generator('edit', EditPage)),
  page('/video', generator('video', VideoPage)),
  galleryRoute,
  page('/profile', () => <ProfilePage me={useSignedIn()} />),
  page('/admin/users', adminOnly(UsersPage)),
  page('/admin/usage', adminOnly(UsageReportPage)),
  page('/admin/settings', adminOnly(SettingsPage)),
  page('/admin/generations', adminOnly(GenerationLogPage)),
  page('/admin/audit', adminOnly(AuditPage)),
]);

export function createStudioRouter(history: RouterHistory = createHashHistory()) {
  return createRouter({ routeTree, history: stamped(history) });
}

export const router = createStudioRouter();

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

/**
 * The next person starts on the start page, not on the admin page or gallery item the last one left
 * open: run at every session end, and whenever the sign-in screen shows (a reload also ends the
 * session, without the renderer's session-end clean-up).
 */
export function resetLocationForNextPerson(): void {
  rotateOwner();
  if (router.history.location.pathname !== '/' || router.history.location.search !== '') router.history.replace('/');
}

registerSessionReset(resetLocationForNextPerson);

/**
 * The mouse's back and forward buttons. Chromium in a browser tab maps them to history itself; an
 * Electron window on Linux and macOS does not, so the page does it (and cancels the browser's own
 * handling, which would otherwise step twice).
 */
export function listenForMouseHistoryButtons(): () => void {
  const onMouseUp = (event: MouseEvent) => {
    if (event.button !== 3 && event.button !== 4) return;
    event.preventDefault();
    if (event.button === 3) router.history.back();
    else router.history.forward();
  };
  window.addEventListener('mouseup', onMouseUp);
  return () => window.removeEventListener('mouseup', onMouseUp);
}
