import { routeTable } from './route';
import { appStatus } from './routes/app';
import { quotasGet, quotasResetUsage, quotasSet, quotasStatus, quotasUsageReport } from './routes/quotas';
import {
  diagnosticsRoutes,
  settingsClearApiKey,
  settingsGet,
  settingsModelsCheck,
  settingsModelsMigrate,
  settingsModelsUpdate,
  settingsSetApiKey,
  settingsUpdate,
} from './routes/settings';
import { auditList } from './routes/audit';
import {
  authChangePassword,
  authDismissSetupChecklist,
  authLogin,
  authLogout,
  authMe,
  authRedeemCode,
  authSetTheme,
  authSetupFirstAdmin,
} from './routes/auth';
import { usersDelete, usersInvite, usersList, usersResetPassword, usersShare, usersUnlock, usersUnshare, usersUpdate } from './routes/users';
import { generationImageCreate, generationImageEdit, generationModelsList, generationVideoCreate, jobsCancel, jobsList } from './routes/generation';
import { mediaRoutes } from './routes/media';

/**
 * Every route of the product, declared once. The router's handler table, the renderer client's
 * types and the transports' allow-lists are all derived from this object.
 */
export const routes = routeTable(
  appStatus,
  settingsGet,
  settingsUpdate,
  settingsSetApiKey,
  settingsClearApiKey,
  settingsModelsUpdate,
  settingsModelsCheck,
  settingsModelsMigrate,
  quotasStatus,
  quotasGet,
  quotasSet,
  quotasResetUsage,
  quotasUsageReport,
  // logs and diagnostics for admins
  ...diagnosticsRoutes,
  // accounts, sessions, admin scoping and the audit log
  authSetupFirstAdmin,
  authLogin,
  authRedeemCode,
  authLogout,
  authMe,
  authChangePassword,
  authSetTheme,
  authDismissSetupChecklist,
  usersList,
  usersInvite,
  usersUpdate,
  usersResetPassword,
  usersUnlock,
  usersShare,
  usersUnshare,
  usersDelete,
  auditList,
  // the media library and gallery
  ...mediaRoutes,
  // generation jobs
  generationModelsList,
  generationImageCreate,
  generationImageEdit,
  generationVideoCreate,
  jobsList,
  jobsCancel,
);

export type Routes = typeof routes;
export type RouteName = keyof Routes;
