import type { ComponentType } from 'react';
import type { Me } from '../queries/auth';
import { GalleryPage } from './GalleryPage';
import { EditPage } from './EditPage';
import { ImagePage } from './ImagePage';
import { VideoPage } from './VideoPage';
import { UsageReportPage } from './UsageReportPage';
import { SettingsPage } from './SettingsPage';
import { useNavigationStore } from '../stores/navigation';
import { AuditPage } from './AuditPage';
import { ProfilePage } from './ProfilePage';
import { UsersPage } from './UsersPage';

export interface PageDef {
  id: string;
  /** the navigation label, also the button's accessible name */
  label: string;
  /** shown only to admins; main refuses the page's admin routes to everyone else anyway */
  adminOnly: boolean;
  component: ComponentType<{ me: Me }>;
}

/**
 * The app's pages in navigation order; the first page a person may see is where they land.
 */
export const PAGES: readonly PageDef[] = [
  { id: 'image', label: 'Image', adminOnly: false, component: ImagePage },
  { id: 'edit', label: 'Edit', adminOnly: false, component: EditPage },
  { id: 'video', label: 'Video', adminOnly: false, component: VideoPage },
  {
    id: 'gallery',
    label: 'Gallery',
    adminOnly: false,
    component: ({ me }) => <GalleryPage isAdmin={me.role === 'admin'} onOpenGenerator={(target) => useNavigationStore.getState().go(target, { fresh: true })} />,
  },
  { id: 'profile', label: 'Profile', adminOnly: false, component: ProfilePage },
  { id: 'admin-users', label: 'Users', adminOnly: true, component: UsersPage },
  { id: 'admin-usage', label: 'Usage', adminOnly: true, component: UsageReportPage },
  { id: 'admin-settings', label: 'Settings', adminOnly: true, component: SettingsPage },
  { id: 'admin-audit', label: 'Audit log', adminOnly: true, component: AuditPage },
];

export function pagesFor(role: Me['role']): readonly PageDef[] {
  return PAGES.filter((p) => !p.adminOnly || role === 'admin');
}
