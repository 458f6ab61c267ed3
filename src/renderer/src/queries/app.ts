import { useQuery } from '@tanstack/react-query';
import { call } from '../ipc/client';
import { queryKeys } from './keys';

export function useAppStatus() {
  return useQuery({ queryKey: queryKeys.appStatus, queryFn: () => call('app.status') });
}
