import type { Me } from './queries/auth';

/** Every page's address; the router (router.tsx) maps each to its route component. */
export type PagePath =
  | '/image'
  | '/edit'
  | '/video'
  | '/gallery'
  | '/profile'
  | '/admin/users'
  | '/admin/usage'
  | '/admin/settings'
  | '/admin/audit'
  | '/admin/generations';

export interface PageDef {
  path: PagePath;
  /** the navigation label, also the button's accessible name */
  label: string;
  /** shown only to admins; main refuses the page's admin routes to everyone else anyway */
  adminOnly: boolean;
}

/**
 * The app's pages in navigation order; the first page a person may see is where they land.
 */
export const PAGES: readonly PageDef[] = [
  { path: '/image', label: 'Image', adminOnly: false },
  { path: '/edit', label: 'Edit', adminOnly: false },
  { path: '/video', label: 'Video', adminOnly: false },
  { path: '/gallery', label: 'Gallery', adminOnly: false },
  { path: '/profile', label: 'Profile', adminOnly: false },
  { path: '/admin/users', label: 'Users', adminOnly: true },
  { path: '/admin/usage', label: 'Usage', adminOnly: true },
  { path: '/admin/settings', label: 'Settings', adminOnly: true },
  { path: '/admin/generations', label: 'Generation log', adminOnly: true },
  { path: '/admin/audit', label: 'Audit log', adminOnly: true },
];

export function pagesFor(role: Me['role']): readonly PageDef[] {
  return PAGES.filter((p) => !p.adminOnly || role === 'admin');
}

/** Where a person lands: the first page they may see. */
export function startPage(role: Me['role']): PagePath {
  return pagesFor(role)[0]!.path;
}

const APP_NAME = 'Gemini Media Studio';

/** The window's title names the page first ("Users — Gemini Media Studio"), as screen readers and the task bar show it. */
export function documentTitle(page?: string): string {
  return page ? `${page} — ${APP_NAME}` : APP_NAME;
}
