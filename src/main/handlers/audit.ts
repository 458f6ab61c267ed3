import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { listAudit } from '../services/audit';

export function auditHandlers(s: Services): Pick<Handlers, 'audit.list'> {
  return {
    'audit.list': (input, { actor }) => listAudit(s.db, actor, input),
  };
}
