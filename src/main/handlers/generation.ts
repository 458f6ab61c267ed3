import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';
import { cancelJob, listJobs } from '../services/jobs';

type GenerationRoutes =
  'generation.models.list' | 'generation.image.create' | 'generation.image.edit' | 'generation.video.create' | 'jobs.list' | 'jobs.cancel';

export function generationHandlers(s: Services): Pick<Handlers, GenerationRoutes> {
  return {
    'generation.models.list': (_input, { actor }) => {
      const models = s.generation.modelsFor(actor);
      return { models, prices: s.generation.pricesFor(models) };
    },
    'generation.image.create': (input, { actor }) => ({ jobIds: s.generation.createImages(actor, input) }),
    'generation.image.edit': (input, { actor }) => ({ jobIds: s.generation.createImages(actor, { ...input, count: 1 }) }),
    'generation.video.create': (input, { actor }) => ({ jobIds: s.generation.createVideo(actor, input) }),
    'jobs.list': (input, { actor }) => listJobs(s, actor, input),
    'jobs.cancel': (input, { actor }) => cancelJob(s, actor, input.jobId),
  };
}
