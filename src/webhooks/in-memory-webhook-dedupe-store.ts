import { systemClock, type Clock } from '../clock';
import { WriteOrderedMap } from '../collections/write-ordered-map';
import { ValidationError } from '../errors/validation-error';
import type { WebhookDedupeStore } from './webhook-dedupe-store';

export interface InMemoryWebhookDedupeStoreOptions {
  /** Most keys kept; past it the oldest claim is forgotten first. Default 100 000. */
  maxKeys?: number;
  clock?: Clock;
}

class InMemoryWebhookDedupeStore implements WebhookDedupeStore {
  /** Key → expiry, oldest claim first (found in constant time, `WriteOrderedMap`). */
  private readonly keys = new WriteOrderedMap<string, number>();
  private readonly clock: Clock;
  readonly maxKeys: number;

  constructor(options: InMemoryWebhookDedupeStoreOptions = {}) {
    const maxKeys = options.maxKeys ?? 100_000;
    if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) {
      throw new ValidationError({ field: 'options.maxKeys', reason: 'INVALID_OPTION', problem: `${String(maxKeys)} is not a positive whole number.`, fix: 'pass a whole number of 1 or more, e.g. 100000.' });
    }
    this.maxKeys = maxKeys;
    this.clock = options.clock ?? systemClock;
  }

  /** Number of keys held, expired ones included until they are evicted. */
  get size(): number {
    return this.keys.size;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const expiresAt = this.keys.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.keys.set(key, now + ttlMs);
    while (this.keys.size > this.maxKeys) this.keys.delete((this.keys.oldest() as readonly [string, number])[0]);
    return true;
  }

  async release(key: string): Promise<void> {
    this.keys.delete(key);
  }
}

export type { InMemoryWebhookDedupeStore };

/**
 * The embedded dedupe store: bounded (the oldest claim is evicted past `maxKeys`) and expiring, so a
 * long-running process never grows without limit. One process only.
 *
 * @example
 * const dedupe = createInMemoryWebhookDedupeStore({ maxKeys: 10_000 });
 * await dedupe.claim('twilio:inbound:SM123', 86_400_000); // true
 * await dedupe.claim('twilio:inbound:SM123', 86_400_000); // false
 */
export function createInMemoryWebhookDedupeStore(options: InMemoryWebhookDedupeStoreOptions = {}): InMemoryWebhookDedupeStore {
  return new InMemoryWebhookDedupeStore(options);
}
