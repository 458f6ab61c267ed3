import type { z } from 'zod';
import type { RouteName, Routes } from './allRoutes';

/** What a caller passes for a route (before validation). */
export type RouteInput<K extends RouteName> = z.input<Routes[K]['input']>;
/** What a handler receives (after validation and defaults). */
export type ParsedInput<K extends RouteName> = z.output<Routes[K]['input']>;
/** What a handler returns (before the output schema strips unknown keys). */
export type HandlerOutput<K extends RouteName> = z.input<Routes[K]['output']>;
/** What a caller receives. */
export type RouteOutput<K extends RouteName> = z.output<Routes[K]['output']>;
