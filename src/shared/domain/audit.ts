/**
 * Names of audit log actions (docs/accounts.md: sign-ins, setup codes, password changes, every admin action).
 * A filter on `auth.login` matches `auth.login.succeeded` and `auth.login.failed` (prefix by segment).
 */
export const AUDIT_ACTIONS = {
  firstAdminCreated: 'auth.first_admin.created',
  adminProvisioned: 'auth.admin.provisioned',
  loginSucceeded: 'auth.login.succeeded',
  loginFailed: 'auth.login.failed',
  lockout: 'auth.lockout',
  logout: 'auth.logout',
  passwordChanged: 'auth.password.changed',
  setupCodeIssued: 'setup_code.issued',
  setupCodeRedeemed: 'setup_code.redeemed',
  invite: 'users.invite',
  update: 'users.update',
  resetPassword: 'users.reset_password',
  unlock: 'users.unlock',
  share: 'users.share',
  unshare: 'users.unshare',
  delete: 'users.delete',
  modelAccess: 'users.model_access.set',
} as const;

/** Admin settings changes (recorded by the settings handlers); filterable as a group. */
export const SETTINGS_AUDIT_ACTIONS = [
  'settings.update',
  'settings.api_key.set',
  'settings.api_key.cleared',
  'settings.models.update',
  'settings.models.check',
  'settings.prices.update',
  'settings.diagnostics.saved',
] as const;
