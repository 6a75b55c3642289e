import { systemClock, type Clock } from '../clock';
import type { PaceDecision, PaceRequest, SenderPacer } from './sender-pacer';

export interface InMemorySenderPacerOptions {
  /** Where time comes from. */
  clock?: Clock;
}

const FIRST_SWEEP_AT = 1024;

class InMemorySenderPacer implements SenderPacer {
  private readonly clock: Clock;
  private readonly nextSlots = new Map<string, number>();
  private sweepAt = FIRST_SWEEP_AT;

  constructor(options: InMemorySenderPacerOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  reserve(request: PaceRequest): Promise<PaceDecision> {
    return Promise.resolve(this.reserveNow(request));
  }

  /** The synchronous reservation behind `reserve`. */
  reserveNow(request: PaceRequest): PaceDecision {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlots.get(request.key) ?? now);
    const waitMs = slot - now;
    if (waitMs > request.maxWaitMs) {
      return { accepted: false, waitMs: 0, retryAfterMs: waitMs - request.maxWaitMs, storeError: undefined };
    }
    this.nextSlots.set(request.key, slot + request.intervalMs);
    if (this.nextSlots.size >= this.sweepAt) this.sweep(now);
    return { accepted: true, waitMs, retryAfterMs: undefined, storeError: undefined };
  }

  private sweep(now: number): void {
    for (const [key, nextSlot] of this.nextSlots) {
      if (nextSlot <= now) this.nextSlots.delete(key);
    }
    this.sweepAt = Math.max(FIRST_SWEEP_AT, this.nextSlots.size * 2);
  }
}

export type { InMemorySenderPacer };

/**
 * Paces senders within this process: each sender has a "next free slot" time; a send takes the later of
 * now and that slot, and pushes it one interval on. Reservation is synchronous, so concurrent sends get
 * distinct slots. Written here rather than on rate-limiter-flexible's `RateLimiterQueue`, which keeps its
 * own real timers (https://github.com/animir/node-rate-limiter-flexible): this one follows the injected clock and never holds a timer.
 *
 * @example
 * const pacer = createInMemorySenderPacer();
 * await pacer.reserve({ key: 'twilio:+14155550100', intervalMs: 1000, maxWaitMs: 30_000 }); // { waitMs: 0, … }
 * await pacer.reserve({ key: 'twilio:+14155550100', intervalMs: 1000, maxWaitMs: 30_000 }); // { waitMs: 1000, … }
 */
export function createInMemorySenderPacer(options: InMemorySenderPacerOptions = {}): InMemorySenderPacer {
  return new InMemorySenderPacer(options);
}
