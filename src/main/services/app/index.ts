/**
 * App: what is about the studio as a whole rather than one domain: the event hub that pushes
 * events to a user's windows (`EventHub`), the workstation's identity, and `app.status`.
 */
export { appStatus, type AppStatusDeps } from './appStatus';
export { EventHub, type EventSink } from './eventHub';
export { readWorkstationIdentity } from './workstation';
