/** Query keys in one place, so invalidation after an event names the same thing the query used. */
export const queryKeys = {
  appStatus: ['app.status'] as const,
  models: ['generation.models.list'] as const,
  jobs: ['jobs.list'] as const,
  quotaStatus: ['quotas.status'] as const,
  /** prefix of every admin view of quotas (one user, a selection, the usage report) */
  quotasAdmin: ['quotas.admin'] as const,
  quotasOf: (userIds: readonly string[]) => ['quotas.admin', 'get', [...userIds].sort()] as const,
  usageReport: (from: string, to: string) => ['quotas.admin', 'usage_report', from, to] as const,
  me: ['auth.me'] as const,
  users: ['users.list'] as const,
  usersList: (filters: object) => ['users.list', filters] as const,
  /** admin settings (key status, limits, default quotas, catalogue) */
  settings: ['settings.get'] as const,
  /** the Google project's state: spend in the last 10 minutes, waiting jobs (admin settings) */
  settingsProject: ['settings.project.get'] as const,
  /** what this transport can do for logs and diagnostics (desktop dialogs or not); fixed for the app's life */
  diagnosticsCapabilities: ['settings.diagnostics.capabilities'] as const,
  /** prefix of every admin view of model access */
  modelAccess: ['users.model_access'] as const,
  modelAccessOf: (userIds: readonly string[]) => ['users.model_access', [...userIds].sort()] as const,
  audit: ['audit.list'] as const,
  auditList: (filters: object) => ['audit.list', filters] as const,
  /** the admin's generation log (every attempt of the people they manage) */
  generationLog: (filters: object) => ['generation.log.list', filters] as const,
  /** everything from the media library; invalidated together when items come or go */
  media: ['media'] as const,
  mediaList: (filters: object) => ['media', 'list', filters] as const,
  mediaLists: ['media', 'list'] as const,
  mediaItem: (id: string) => ['media', 'item', id] as const,
  mediaStats: ['media', 'stats'] as const,
  // what changes whenever items come or go sits under the stats prefix, which both media events invalidate
  mediaCount: (filters: object) => ['media', 'stats', 'count', filters] as const,
  mediaVersions: (id: string) => ['media', 'stats', 'versions', id] as const,
  mediaCapabilities: ['media', 'capabilities'] as const,
  /** a generator page's draft, kept by main for the signed-in person */
  draft: (page: string) => ['drafts.get', page] as const,
  /** the person's earlier prompts (a search, a kind) */
  promptHistory: (filters: object) => ['prompts.history', filters] as const,
};
