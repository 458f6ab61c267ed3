/**
 * Accounts: who may use the studio and how. Sign-in and first run (`AuthService`), sessions bound
 * to a window (`SessionStore`), password rules and hashing (`PasswordService`), the admin pages'
 * user management (list, invite, update, reset, unlock, share, delete) and the start-up admin
 * provisioning. Scope (which users an admin manages) lives here too. See docs/accounts.md.
 */
export { deleteAccount, type AccountDeletionDeps } from './accountDeletion';
export { createActorResolver } from './actorResolver';
export { provisionAdminFromEnv, resetAdmin } from './adminProvisioning';
export { AuthService, type AuthDeps } from './auth';
export { findResourcesDir, loadCommonPasswords } from './commonPasswords';
export { DEFAULT_BCRYPT_COST, PasswordService } from './passwords';
export { ABSOLUTE_SESSION_MS, SessionStore, type Session } from './sessions';
export { resetUserPassword, unlockUser, updateUser, type UserAdminDeps } from './userAdmin';
export { askAdminEmails } from './scope';
export { announceModelsChanged, effectiveModelAccess, getModelAccess, modelsAudience, setModelAccess } from './modelAccess';
export { listUsers } from './userDirectory';
export { inviteUsers } from './userInvites';
export { shareUser, unshareUser } from './userSharing';
