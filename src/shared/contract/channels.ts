/**
 * The two IPC channels between the preload and main. There are deliberately only two: one request
 * channel whose every message goes through the router (sender check → session → access → zod), and
 * one event channel main pushes typed events on. A new feature adds routes, never channels.
 */
export const REQUEST_CHANNEL = 'studio:request';
export const EVENT_CHANNEL = 'studio:event';
