import type { StudioEventName, StudioEvents } from '../../../shared/contract/events';

export type EventSink = (event: StudioEventName, payload: unknown) => void;

/**
 * Delivers main's events to connected transports. Delivery is addressed: to one transport or to
 * the transports of one user, so one person's events never reach another person's window.
 */
export class EventHub {
  private readonly sinks = new Map<string, EventSink>();

  constructor(private readonly transportsOf: (userId: string) => string[]) {}

  connect(transportId: string, send: EventSink): () => void {
    this.sinks.set(transportId, send);
    return () => {
      if (this.sinks.get(transportId) === send) this.sinks.delete(transportId);
    };
  }

  toTransport<E extends StudioEventName>(transportId: string, event: E, payload: StudioEvents[E]): void {
    const sink = this.sinks.get(transportId);
    if (!sink) return;
    try {
      sink(event, payload);
    } catch {
      // A window that went away mid-send must not break the sender (a job finishing, a logout).
      this.sinks.delete(transportId);
    }
  }

  toUser<E extends StudioEventName>(userId: string, event: E, payload: StudioEvents[E]): void {
    for (const transportId of this.transportsOf(userId)) this.toTransport(transportId, event, payload);
  }
}
