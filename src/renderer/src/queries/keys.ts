/** Query keys in one place, so invalidation after an event names the same thing the query used. */
export const queryKeys = {
  appStatus: ['app.status'] as const,
};
