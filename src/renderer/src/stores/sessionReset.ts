import { queryClient } from '../queries/queryClient';

/**
 * Every per-user store registers its reset here. When a session ends, all of them run and the query
 * cache is dropped, so the next person at the workstation sees nothing of the last one.
 */
const resetters = new Set<() => void>();

export function registerSessionReset(reset: () => void): void {
  resetters.add(reset);
}

export function clearEverythingForNextPerson(): void {
  for (const reset of resetters) reset();
  queryClient.clear();
}
