import { StudioError } from '../../../shared/contract/errors';
import type { StudioEventName, StudioEvents } from '../../../shared/contract/events';
import type { RouteName } from '../../../shared/contract/index';
import type { RouteInput, RouteOutput } from '../../../shared/contract/types';
import { bridge } from './bridge';

/**
 * The typed facade over the bridge: unwraps the envelope and turns an error envelope into a
 * `StudioError` whose message is fit to show as is.
 */
export async function call<K extends RouteName>(
  route: K,
  ...args: undefined extends RouteInput<K> ? [input?: RouteInput<K>] : [input: RouteInput<K>]
): Promise<RouteOutput<K>> {
  const envelope = await bridge().request(route, args[0] ?? {});
  if (envelope.ok) return envelope.data as RouteOutput<K>;
  throw new StudioError(envelope.error.code, envelope.error.message, envelope.error.details);
}

export function onEvent<E extends StudioEventName>(event: E, callback: (payload: StudioEvents[E]) => void): () => void {
  return bridge().on(event, (payload) => callback(payload as StudioEvents[E]));
}
