import type { JobDto } from '../../src/shared/contract/routes/generation';

/** A job as `jobs.list` and `job.updated` carry it: a queued one-image job unless `over` says otherwise. */
export function jobDto(id: string, over: Partial<JobDto> = {}): JobDto {
  return {
    id,
    kind: 'image',
    status: 'queued',
    model: 'gemini-3-pro-image-preview',
    prompt: `Prompt of ${id}`,
    params: {},
    inputIds: [],
    parentMediaId: null,
    createdAt: 0,
    submittedAt: null,
    finishedAt: null,
    errorCode: null,
    errorMessage: null,
    results: [],
    typicalDurationMs: null,
    requestId: null,
    retryAt: null,
    ...over,
  };
}
