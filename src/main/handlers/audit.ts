import type { Handlers } from '../router';
import type { Services } from '../services';
import { listAudit } from '../services/auditLog';

export function auditHandlers(s: Services): Pick<Handlers, 'audit.list'> {
  return {
    'audit.list': (input, { actor }) => listAudit(s.db, actor, input),
  };
}
