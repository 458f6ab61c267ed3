import type { Clock } from '../../src/main/clock';

/**
 * The harness's clock when test controls are on: real time plus an offset a spec can move forward,
 * so an e2e test reaches the idle timeout without waiting 15 minutes.
 */
export class OffsetClock implements Clock {
  private offset = 0;
  readonly timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  now(): number {
    return Date.now() + this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}
