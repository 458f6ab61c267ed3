import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { askAdminEmails } from '../services/accounts';
import { buildUsageReport } from '../services/quotas';

/**
 * Quota routes. The router has already checked the session and the role; scope (which users this
 * admin may touch) is checked by the services for every user id.
 */
export function quotaHandlers(
  s: Services,
): Pick<Handlers, 'quotas.status' | 'quotas.get' | 'quotas.set' | 'quotas.reset_usage' | 'quotas.usage_report'> {
  return {
    'quotas.status': (_input, { actor }) => ({ ...s.quotaUsage.status(actor.userId), askAdmins: askAdminEmails(s.db, actor.userId) }),
    'quotas.get': ({ userIds }, { actor }) => ({ users: s.quotaAdmin.get(actor, userIds) }),
    'quotas.set': ({ userIds, policies }, { actor }) => ({ users: s.quotaAdmin.set(actor, userIds, policies) }),
    'quotas.reset_usage': ({ userId, kinds }, { actor }) => ({ userId, status: s.quotaAdmin.resetUsage(actor, userId, kinds) }),
    'quotas.usage_report': (range, { actor }) =>
      buildUsageReport(s.quotaUsage, actor, range, new Map(s.settings.get('modelCatalogue').map((m) => [m.id, m.label]))),
  };
}
