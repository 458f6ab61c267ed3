export type SlotKind = 'image' | 'video';

/**
 * The calls to Google in flight from this workstation (image requests; video submits and
 * downloads): at most the admin's "generation jobs running at once", read on every acquire and
 * release, so a new setting applies without a restart. New jobs do not wait here: the job queue
 * (schedule.ts) chooses which waiting job takes a free slot (`tryAcquire`, told by `onFree`);
 * what waits here is work already under way (a finished video's download).
 *
 * One pool, so the setting stays the workstation's total (it exists to keep one computer under
 * Google's rate limit), but video calls may hold at most size − 1 of it when size ≥ 2: one slot is
 * always left for images, so a person's image never waits behind other people's video submits
 * (which could each take a whole submit deadline). Waiters are served first come, first served,
 * except that a video waiter that does not fit lets an image behind it pass. With a size of 1 the
 * kinds take turns; every call holding a slot ends by its deadline, so no wait is unbounded.
 */
export class Slots {
  private used = 0;
  private videos = 0;
  private readonly waiting: { kind: SlotKind; grant: () => void }[] = [];

  constructor(
    private readonly size: () => number,
    /** told after a release left a slot free (the job queue then starts its next job) */
    private readonly onFree: () => void = () => {},
  ) {}

  /** Whether a call of this kind would get a slot now without passing anyone already waiting. */
  canTake(kind: SlotKind): boolean {
    this.pump();
    return !this.waiting.some((w) => w.kind === kind) && this.fits(kind);
  }

  /** Takes a slot now if `canTake`; returns its release, or null. */
  tryAcquire(kind: SlotKind): (() => void) | null {
    if (!this.canTake(kind)) return null;
    this.take(kind);
    return this.releaser(kind);
  }

  /** Waits for a slot; returns its release (call it once, in a finally). */
  async acquire(signal: AbortSignal, kind: SlotKind = 'image'): Promise<() => void> {
    if (this.canTake(kind)) {
      this.take(kind);
    } else {
      await new Promise<void>((resolve, reject) => {
        const waiter = {
          kind,
          grant: (): void => {
            signal.removeEventListener('abort', onAbort);
            this.take(kind);
            resolve();
          },
        };
        const onAbort = (): void => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          this.pump();
          reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        if (signal.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        signal.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(waiter);
      });
    }
    return this.releaser(kind);
  }

  private releaser(kind: SlotKind): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used--;
      if (kind === 'video') this.videos--;
      this.pump();
      if (this.used < Math.max(1, this.size())) this.onFree();
    };
  }

  /** slots in use, by kind (tests, diagnostics) */
  inUse(): { total: number; video: number } {
    return { total: this.used, video: this.videos };
  }

  private fits(kind: SlotKind): boolean {
    const size = Math.max(1, this.size());
    if (this.used >= size) return false;
    return kind === 'image' || this.videos < Math.max(1, size - 1);
  }

  private take(kind: SlotKind): void {
    this.used++;
    if (kind === 'video') this.videos++;
  }

  /** grants waiters in arrival order, skipping those that do not fit (a video over its share) */
  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.used < Math.max(1, this.size());) {
      const waiter = this.waiting[i]!;
      if (this.fits(waiter.kind)) {
        this.waiting.splice(i, 1);
        waiter.grant();
      } else {
        i++;
      }
    }
  }
}

/** Waits, unless the signal ends the wait first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject((signal.reason as Error | undefined) ?? new Error('aborted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject((signal.reason as Error | undefined) ?? new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
