import { QueryClient } from '@tanstack/react-query';
import { isStudioError } from '../../../shared/contract/errors';

/**
 * Data loaded from main lives here, not in zustand. Retries only make sense for transient trouble;
 * a FORBIDDEN or VALIDATION_FAILED will not change by asking again.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && isStudioError(error) && error.code === 'INTERNAL',
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});
