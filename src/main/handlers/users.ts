import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { deleteUser, resetUserPassword, unlockUser, updateUser } from '../services/accounts/userAdmin';
import { listUsers } from '../services/accounts/userDirectory';
import { inviteUsers } from '../services/accounts/userInvites';
import { shareUser, unshareUser } from '../services/accounts/userSharing';

export function usersHandlers(s: Services): Pick<
  Handlers,
  'users.list' | 'users.invite' | 'users.update' | 'users.reset_password' | 'users.unlock' | 'users.share' | 'users.unshare' | 'users.delete'
> {
  return {
    'users.list': (input, { actor }) => listUsers(s.db, actor, input, s.clock.now()),
    'users.invite': (input, { actor }) => ({ results: inviteUsers(s, actor, input) }),
    'users.update': (input, { actor }) => ({ user: updateUser(s, actor, input) }),
    'users.reset_password': (input, { actor }) => resetUserPassword(s, actor, input.userId),
    'users.unlock': (input, { actor }) => ({ user: unlockUser(s, actor, input.userId) }),
    'users.share': (input, { actor }) => ({ user: shareUser(s, actor, input.userId, input.adminEmail) }),
    'users.unshare': (input, { actor }) => ({ user: unshareUser(s, actor, input.userId, input.adminEmail) }),
    'users.delete': async (input, { actor }) => {
      const live = s.jobs.unfinished().filter((j) => j.userId === input.userId).map((j) => j.id);
      const { filesToRemove, ...result } = deleteUser(s, actor, input);
      // their rows are gone with the account: stop the pipelines without writing anything back
      s.jobRunner.abandon(live);
      // rows are gone (committed); now the files (a crash here is finished by the start-up sweep)
      await s.media.removeFiles(filesToRemove.map((relPath) => ({ relPath, thumbRelPath: null })));
      return result;
    },
  };
}
