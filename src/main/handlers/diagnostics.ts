import type { Handlers } from '../router';
import type { Services } from '../serviceRegistry';

type DiagnosticsRoutes = 'settings.diagnostics.capabilities.get' | 'settings.logs.open' | 'settings.diagnostics.save';

/** The settings page's "Logs and diagnostics" section (docs/operations.md). */
export function diagnosticsHandlers(s: Services): Pick<Handlers, DiagnosticsRoutes> {
  return {
    'settings.diagnostics.capabilities.get': () => s.diagnostics.capabilities(),
    'settings.logs.open': () => s.diagnostics.openLogFolder(),
    'settings.diagnostics.save': (_input, { actor, caller }) => s.diagnostics.save(actor, caller),
  };
}
