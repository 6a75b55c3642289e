import { systemClock, type Clock } from '../clock';
import { WriteOrderedMap } from '../collections/write-ordered-map';
import { ValidationError } from '../errors/validation-error';
import type {
  IdempotencyClaimRequest,
  IdempotencyClaimResult,
  IdempotencyCompleteRequest,
  IdempotencyReleaseRequest,
  IdempotencySettleRequest,
  IdempotencyStore,
  StoredSendOutcome,
} from './idempotency-store';
import { SETTLED_TOKEN } from './idempotency-store';

export interface InMemoryIdempotencyStoreOptions {
  clock?: Clock;
  /** Most records kept; past it the oldest-written go first. Default 100 000. */
  maxRecords?: number;
}

interface MemoryRecord {
  readonly state: 'in-flight' | 'completed';
  readonly token: string;
  readonly fingerprint: string;
  readonly expiresAt: number;
  /** JSON, as a shared store would hold it: the caller's objects are never aliased. */
  readonly outcome: string | undefined;
}

class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new WriteOrderedMap<string, MemoryRecord>();
  private readonly clock: Clock;
  readonly maxRecords: number;

  constructor(options: InMemoryIdempotencyStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
    const maxRecords = options.maxRecords ?? 100_000;
    if (!Number.isSafeInteger(maxRecords) || maxRecords < 1) {
      throw new ValidationError({
        field: 'options.maxRecords',
        reason: 'INVALID_OPTION',
        problem: `${String(maxRecords)} is not a positive whole number.`,
        fix: 'pass a whole number of 1 or more, e.g. 100000.',
      });
    }
    this.maxRecords = maxRecords;
  }

  /** Number of records held, expired ones not yet pruned included. */
  get size(): number {
    return this.records.size;
  }

  async claim(request: IdempotencyClaimRequest): Promise<IdempotencyClaimResult> {
    const now = this.clock.now();
    const record = this.live(request.key, now);
    if (record !== undefined && !(record.state === 'in-flight' && record.token === request.token)) {
      return record.state === 'completed'
        ? { status: 'completed', fingerprint: record.fingerprint, outcome: JSON.parse(record.outcome ?? 'null') as StoredSendOutcome }
        : { status: 'in-flight', fingerprint: record.fingerprint, leaseExpiresAt: record.expiresAt };
    }
    this.write(request.key, { state: 'in-flight', token: request.token, fingerprint: request.fingerprint, expiresAt: now + request.leaseMs, outcome: undefined }, now);
    return { status: 'claimed' };
  }

  async complete(request: IdempotencyCompleteRequest): Promise<boolean> {
    const now = this.clock.now();
    const record = this.live(request.key, now);
    if (record !== undefined && record.token !== request.token) return false;
    this.write(
      request.key,
      { state: 'completed', token: request.token, fingerprint: request.fingerprint, expiresAt: now + request.retentionMs, outcome: JSON.stringify(request.outcome) },
      now,
    );
    return true;
  }

  async release(request: IdempotencyReleaseRequest): Promise<void> {
    const record = this.records.get(request.key);
    if (record?.state === 'in-flight' && record.token === request.token) this.records.delete(request.key);
  }

  async settle(request: IdempotencySettleRequest): Promise<boolean> {
    const now = this.clock.now();
    const record = this.live(request.key, now);
    if (record?.state === 'in-flight' && !request.takeOverLease) return false;
    if (request.outcome === null) {
      this.records.delete(request.key);
      return true;
    }
    const fingerprint = record?.fingerprint ?? request.fingerprint;
    this.write(request.key, { state: 'completed', token: SETTLED_TOKEN, fingerprint, expiresAt: now + request.retentionMs, outcome: JSON.stringify(request.outcome) }, now);
    return true;
  }

  private live(key: string, now: number): MemoryRecord | undefined {
    const record = this.records.get(key);
    if (record === undefined || record.expiresAt > now) return record;
    this.records.delete(key);
    return undefined;
  }

  private write(key: string, record: MemoryRecord, now: number): void {
    // A re-write moves the key to the newest place, so the map stays roughly in expiry order.
    this.records.set(key, record);
    // Oldest-written first: expired ones, then any past maxRecords (constant time, `WriteOrderedMap`).
    for (let oldest = this.records.oldest(); oldest !== undefined; oldest = this.records.oldest()) {
      if (oldest[1].expiresAt > now && this.records.size <= this.maxRecords) break;
      this.records.delete(oldest[0]);
    }
  }
}

export type { InMemoryIdempotencyStore };

/**
 * The embedded idempotency store: one process, no server. Claims are atomic because JavaScript runs
 * one claim at a time. Expired records are pruned as new ones arrive; past `maxRecords` the oldest are
 * evicted, which forgets their keys early (use the Redis store when that matters, or several
 * processes send).
 *
 * @example
 * const sms = new SMSService({ providers: [provider], idempotency: { store: createInMemoryIdempotencyStore() } });
 */
export function createInMemoryIdempotencyStore(options: InMemoryIdempotencyStoreOptions = {}): InMemoryIdempotencyStore {
  return new InMemoryIdempotencyStore(options);
}
