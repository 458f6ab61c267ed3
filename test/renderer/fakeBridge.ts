import { StudioError } from '../../src/shared/contract/errors';
import type { Envelope } from '../../src/shared/contract/envelope';
import type { StudioEventName } from '../../src/shared/contract/events';
import { type RouteName, routes } from '../../src/shared/contract/index';
import type { RouteInput, RouteOutput } from '../../src/shared/contract/types';

type Handler<K extends RouteName> = (input: Exclude<RouteInput<K>, undefined>) => RouteOutput<K> | Promise<RouteOutput<K>>;
export type Handlers = { [K in RouteName]?: Handler<K> };

export interface SentRequest {
  route: string;
  input: unknown;
}

/**
 * The one fake in renderer component tests: `window.studio`, the edge between the page and main.
 * Like main's router it checks every input with the route's zod schema (a request main would
 * refuse comes back as VALIDATION_FAILED) and every answer with the output schema, so a test
 * cannot pass on an envelope main could never send. A handler throws `StudioError` to refuse.
 */
export function installFakeBridge(handlers: Handlers) {
  const requests: SentRequest[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  window.studio = {
    async request(route: string, input: unknown): Promise<Envelope> {
      requests.push({ route, input });
      const def = (routes as Record<string, (typeof routes)[RouteName]>)[route];
      if (!def) return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown route ${route}` } };
      const parsed = def.input.safeParse(input);
      if (!parsed.success)
        return {
          ok: false,
          error: { code: 'VALIDATION_FAILED', message: parsed.error.issues[0]?.message ?? 'Invalid input', details: parsed.error.issues },
        };
      const handler = handlers[route as RouteName] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`The test sent ${route}, which it did not expect`);
      try {
        return { ok: true, data: def.output.parse(await handler(parsed.data)) };
      } catch (error) {
        if (error instanceof StudioError)
          return {
            ok: false,
            error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) },
          };
        throw error;
      }
    },
    on(event: StudioEventName, callback: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
  };
  return {
    requests,
    /** the inputs sent to one route, in order */
    sent: (route: RouteName) => requests.filter((r) => r.route === route).map((r) => r.input),
    emit: (event: StudioEventName, payload: unknown) => listeners.get(event)?.forEach((cb) => cb(payload)),
  };
}
