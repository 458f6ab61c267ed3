import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { listGenerationLog } from '../services/jobs';

/** Records for admins: the generation log (docs/records.md). */
export function recordsHandlers(s: Services): Pick<Handlers, 'generation.log.list'> {
  return {
    'generation.log.list': (input, { actor }) =>
      listGenerationLog(
        { db: s.db, clock: s.clock, modelLabels: () => new Map(s.settings.get('modelCatalogue').map((m) => [m.id, m.label])) },
        actor,
        input,
      ),
  };
}
