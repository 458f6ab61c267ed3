import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { deleteAccount, inviteUsers, listUsers, resetUserPassword, shareUser, unlockUser, unshareUser, updateUser } from '../services/accounts';

export function usersHandlers(
  s: Services,
): Pick<
  Handlers,
  'users.list' | 'users.invite' | 'users.update' | 'users.reset_password' | 'users.unlock' | 'users.share' | 'users.unshare' | 'users.delete'
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
  };
}
