export { routes, type Routes, type RouteName } from './allRoutes';
export * from './errors';
export * from './envelope';
export * from './events';
export type { Access, RouteDef } from './route';
export type { RouteInput, ParsedInput, HandlerOutput, RouteOutput } from './types';
