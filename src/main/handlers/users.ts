import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import {
  deleteAccount,
  getModelAccess,
  inviteUsers,
  listUsers,
  resetUserPassword,
  setModelAccess,
  shareUser,
  unlockUser,
  unshareUser,
  updateUser,
} from '../services/accounts';

export function usersHandlers(
  s: Services,
): Pick<
  Handlers,
  | 'users.list'
  | 'users.invite'
  | 'users.update'
  | 'users.reset_password'
  | 'users.unlock'
  | 'users.share'
  | 'users.unshare'
  | 'users.delete'
  | 'users.model_access.get'
  | 'users.model_access.set'
> {
  return {
    'users.list': (input, { actor }) => listUsers(s, actor, input),
    'users.invite': (input, { actor }) => ({ results: inviteUsers(s, actor, input) }),
    'users.update': (input, { actor }) => ({ user: updateUser(s, actor, input) }),
    'users.reset_password': (input, { actor }) => resetUserPassword(s, actor, input.userId),
    'users.unlock': (input, { actor }) => ({ user: unlockUser(s, actor, input.userId) }),
    'users.share': (input, { actor }) => ({ user: shareUser(s, actor, input.userId, input.adminEmail) }),
    'users.unshare': (input, { actor }) => ({ user: unshareUser(s, actor, input.userId, input.adminEmail) }),
    'users.delete': (input, { actor }) => deleteAccount(s, actor, input),
    'users.model_access.get': (input, { actor }) => ({ items: getModelAccess(s, actor, input.userIds) }),
    'users.model_access.set': (input, { actor }) => ({ items: setModelAccess(s, actor, input.userIds, input.access) }),
  };
}
