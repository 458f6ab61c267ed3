/** Query keys in one place, so invalidation after an event names the same thing the query used. */
export const queryKeys = {
  appStatus: ['app.status'] as const,
  me: ['auth.me'] as const,
  users: ['users.list'] as const,
  usersList: (filters: object) => ['users.list', filters] as const,
  audit: ['audit.list'] as const,
  auditList: (filters: object) => ['audit.list', filters] as const,
};
