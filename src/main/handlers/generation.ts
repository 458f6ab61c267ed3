import { StudioError } from '../../shared/contract/errors';
import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { decodeJobCursor, encodeJobCursor } from '../services/jobs/jobCursor';

type GenerationRoutes =
  | 'generation.models.list'
  | 'generation.image.create'
  | 'generation.image.edit'
  | 'generation.video.create'
  | 'jobs.list'
  | 'jobs.cancel';

export function generationHandlers(s: Services): Pick<Handlers, GenerationRoutes> {
  // Refuse before anything is reserved: a job that can only fail should not exist.
  const requireApiKey = () => void s.apiKeys.current();

  return {
    'generation.models.list': () => ({ models: s.generation.offeredModels() }),

    'generation.image.create': (input, { actor }) => {
      requireApiKey();
      return { jobIds: s.generation.createImages(actor, input) };
    },

    'generation.image.edit': (input, { actor }) => {
      requireApiKey();
      return { jobIds: s.generation.createImages(actor, { ...input, count: 1 }) };
    },

    'generation.video.create': (input, { actor }) => {
      requireApiKey();
      return { jobIds: s.generation.createVideo(actor, input) };
    },

    'jobs.list': (input, { actor }) => {
      const rows = s.jobs.page(actor.userId, {
        limit: input.limit + 1,
        cursor: input.cursor ? decodeJobCursor(input.cursor) : undefined,
        active: input.active,
      });
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      return { items: s.jobRunner.dtos(page), nextCursor: rows.length > input.limit && last ? encodeJobCursor(last) : null };
    },

    'jobs.cancel': (input, { actor }) => {
      const row = s.jobs.get(input.jobId);
      // someone else's job is as absent as a job that never existed
      if (!row || row.userId !== actor.userId) throw new StudioError('NOT_FOUND', 'No such job.');
      s.jobRunner.cancel(row.id);
      return { job: s.jobRunner.dto(s.jobs.get(row.id) ?? row) };
    },
  };
}
