import { StudioError } from '../../../shared/contract/errors';

/**
 * An input image the caller may not use, or that is gone: the same NOT_FOUND whether main refuses it
 * (mediaPort.ts) or the generation worker finds it deleted since (jobs/worker/imageTask.ts), so the
 * answer never tells which.
 */
export function inputNotUsable(): StudioError {
  return new StudioError('NOT_FOUND', 'One of the chosen images does not exist or you cannot use it.');
}
