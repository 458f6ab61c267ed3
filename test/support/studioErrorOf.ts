import { StudioError } from '../../src/shared/contract/errors';

/** The StudioError a call ends with; fails the test when it succeeds or throws something else. */
export async function studioErrorOf(promise: Promise<unknown>): Promise<StudioError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StudioError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
