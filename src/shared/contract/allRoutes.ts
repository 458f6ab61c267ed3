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
  settingsPricesUpdate,
  settingsProjectGet,
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
import {
  usersDelete,
  usersInvite,
  usersList,
  usersModelAccessGet,
  usersModelAccessSet,
  usersResetPassword,
  usersShare,
  usersUnlock,
  usersUnshare,
  usersUpdate,
} from './routes/users';
import { generationImageCreate, generationImageEdit, generationModelsList, generationVideoCreate, jobsCancel, jobsList } from './routes/generation';
import { mediaRoutes } from './routes/media';
import { draftRoutes } from './routes/drafts';
import { generationLogList } from './routes/records';

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
  settingsPricesUpdate,
  settingsProjectGet,
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
  usersModelAccessGet,
  usersModelAccessSet,
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
  // drafts of the generator pages and the prompts a person already sent
  ...draftRoutes,
  // records for admins: every generation attempt
  generationLogList,
);

export type Routes = typeof routes;
export type RouteName = keyof Routes;
