import { expect } from 'vitest';
import type { Envelope } from '../../src/shared/contract/envelope';
import type { ErrorBody } from '../../src/shared/contract/errors';
import type { RouteName } from '../../src/shared/contract/index';
import type { RouteInput, RouteOutput } from '../../src/shared/contract/types';

/** A route's input as an argument: optional where the contract lets it be left out. */
export type InputArg<K extends RouteName> = undefined extends RouteInput<K> ? [input?: RouteInput<K>] : [input: RouteInput<K>];

type Dispatch = (transportId: string, route: unknown, input: unknown) => Promise<Envelope>;

/**
 * One window's view of the core for integration tests, typed by the contract: a misspelt route, a
 * wrong input field or a read of a field the route does not return is a type error in the test
 * (`npm run typecheck` covers test/). Requests still go through the real router, so validation,
 * access checks and output stripping are what a window would meet.
 */
export interface StudioTestClient {
  readonly transportId: string;
  /** The route's output; the test fails with the error's code and message otherwise. */
  call<K extends RouteName>(route: K, ...input: InputArg<K>): Promise<RouteOutput<K>>;
  /** The route's error; the test fails if the route succeeded. */
  fail<K extends RouteName>(route: K, ...input: InputArg<K>): Promise<ErrorBody>;
  /** The typed envelope, for assertions on success and failure alike. */
  send<K extends RouteName>(route: K, ...input: InputArg<K>): Promise<Envelope<RouteOutput<K>>>;
  /** Untyped, for what the contract forbids: malformed input, unknown routes, a route name in a variable. */
  raw(route: string, input?: unknown): Promise<Envelope>;
}

export function createTestClient(dispatch: Dispatch, transportId: string): StudioTestClient {
  const send = <K extends RouteName>(route: K, ...input: InputArg<K>) => dispatch(transportId, route, input[0]) as Promise<Envelope<RouteOutput<K>>>;
  return {
    transportId,
    send,
    async call(route, ...input) {
      return data(await send(route, ...input));
    },
    async fail(route, ...input) {
      return failure(await send(route, ...input));
    },
    raw: (route, input) => dispatch(transportId, route, input),
  };
}

/** The data of a successful envelope; fails the test with the error otherwise. */
export function data<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) expect.fail(`expected success, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

/** The error of a failed envelope; fails the test on success. */
export function failure(envelope: Envelope): ErrorBody {
  if (envelope.ok) expect.fail(`expected a failure, got ${JSON.stringify(envelope.data)}`);
  return envelope.error;
}
