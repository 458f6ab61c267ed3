import { routeTable } from './route';
import { appStatus } from './routes/app';
import { mediaRoutes } from './routes/media';

/**
 * Every route of the product, declared once. The router's handler table, the renderer client's
 * types and the transports' allow-lists are all derived from this object.
 */
export const routes = routeTable(appStatus, ...mediaRoutes);

export type Routes = typeof routes;
export type RouteName = keyof Routes;

export * from './errors';
export * from './envelope';
export * from './events';
export type { Access, RouteDef } from './route';
export type { RouteInput, ParsedInput, HandlerOutput, RouteOutput } from './types';
