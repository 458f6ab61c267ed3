import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';

export function authHandlers(
  s: Services,
): Pick<
  Handlers,
  | 'auth.setup_first_admin'
  | 'auth.login'
  | 'auth.redeem_code'
  | 'auth.logout'
  | 'auth.me'
  | 'auth.change_password'
  | 'auth.set_theme'
  | 'auth.dismiss_setup_checklist'
> {
  return {
    'auth.setup_first_admin': (input, { caller }) => s.auth.setupFirstAdmin(caller, input.email, input.password),
    'auth.login': (input, { caller }) => s.auth.login(caller, input.email, input.password),
    'auth.redeem_code': (input, { caller }) => s.auth.redeemCode(caller, input.email, input.code, input.password),
    'auth.logout': (_input, { caller, actor }) => {
      s.auth.logout(caller, actor);
      return { signedOut: true as const };
    },
    'auth.me': (_input, { caller, actor }) => s.auth.me(caller, actor.userId),
    'auth.set_theme': (input, { caller, actor }) => s.auth.setTheme(caller, actor, input.theme),
    'auth.dismiss_setup_checklist': (_input, { caller, actor }) => s.auth.dismissSetupChecklist(caller, actor),
    'auth.change_password': async (input, { actor }) => ({
      changed: true as const,
      endedOtherSessions: await s.auth.changePassword(actor, input.currentPassword, input.newPassword),
    }),
  };
}
