import type { JobDto } from '../../../../shared/contract/routes/generation';
import type { GeneratorIntent } from '../../stores/generatorIntent';
import type { PickedImage } from './importImage';

/**
 * "Try again" for a job that did not succeed: the generator it came from, filled with the same
 * prompt, model, options and inputs. Nothing is sent until the person presses Generate, because an
 * interrupted request may already have been billed once.
 */
export function retryIntent(job: JobDto): GeneratorIntent {
  const settings = { prompt: job.prompt, negativePrompt: null, model: job.model, params: job.params };
  if (job.kind === 'edit' && job.inputIds[0]) {
    return { target: 'edit', mediaId: job.inputIds[0], use: 'source', settings, retry: { referenceIds: job.inputIds.slice(1) } };
  }
  if (job.kind === 'video') {
    return { target: 'video', mediaId: job.parentMediaId ?? job.id, use: 'settings', settings, retry: { referenceIds: [] } };
  }
  return { target: 'image', mediaId: job.parentMediaId ?? job.id, use: 'settings', settings, retry: { referenceIds: job.inputIds } };
}

/** Inputs of an earlier job, shown by name (their thumbnails load once the job list knows them). */
export function earlierInputs(ids: string[]): PickedImage[] {
  return ids.map((id, i) => ({ id, url: '', thumbUrl: null, name: `Input ${i + 1} of the earlier request` }));
}
