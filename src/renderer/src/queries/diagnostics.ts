import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../ipc/client';
import { queryKeys } from './keys';
import { queryClient } from './queryClient';

/** Whether the log folder can be opened and where diagnostics are saved; the transport decides, once. */
export function useDiagnosticsCapabilities() {
  return useQuery({ queryKey: queryKeys.diagnosticsCapabilities, queryFn: () => call('settings.diagnostics.capabilities.get'), staleTime: Infinity });
}

export function useOpenLogFolder() {
  return useMutation({ mutationFn: () => call('settings.logs.open') });
}

/** Saving diagnostics is audited. */
export function useSaveDiagnostics() {
  return useMutation({
    mutationFn: () => call('settings.diagnostics.save'),
    onSuccess: (result) => (result.saved ? queryClient.invalidateQueries({ queryKey: queryKeys.audit }) : undefined),
  });
}
