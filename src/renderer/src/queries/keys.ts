/** Query keys in one place, so invalidation after an event names the same thing the query used. */
export const queryKeys = {
  appStatus: ['app.status'] as const,
  /** everything from the media library; invalidated together when items come or go */
  media: ['media'] as const,
  mediaList: (filters: object) => ['media', 'list', filters] as const,
  mediaLists: ['media', 'list'] as const,
  mediaItem: (id: string) => ['media', 'item', id] as const,
  mediaStats: ['media', 'stats'] as const,
  mediaCapabilities: ['media', 'capabilities'] as const,
};
