/** Query keys in one place, so invalidation after an event names the same thing the query used. */
export const queryKeys = {
  appStatus: ['app.status'] as const,
  models: ['generation.models.list'] as const,
  jobs: ['jobs.list'] as const,
  media: ['media'] as const,
  quotas: ['quotas'] as const,
};
