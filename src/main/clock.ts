/**
 * The only source of time in main. Quota periods, session expiry and lockouts read it, so tests
 * move time instead of sleeping.
 */
export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
  /** IANA time zone of the workstation's local calendar (quota periods reset at local midnight) */
  readonly timeZone: string;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
};

/** A clock tests set and advance by hand. */
export class ManualClock implements Clock {
  constructor(
    private current: number,
    readonly timeZone = 'UTC',
  ) {}

  now(): number {
    return this.current;
  }

  set(ms: number): void {
    this.current = ms;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
