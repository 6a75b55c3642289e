/**
 * What reliability costs on the send path: `send()` throughput with a fake provider through the bare
 * pipeline (one provider, no retries, no breaker, no key) beside the full stack (retries, failover
 * over two providers, a breaker each) and that stack with idempotency keys on the in-memory store and
 * on Redis (127.0.0.1:6379, or REDIS_URL; skipped with a note when unreachable), in one run.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createRedisIdempotencyStore, type RedisIdempotencyStore } from '../src/adapters/redis/redis-idempotency-store';
import { createInMemoryIdempotencyStore, SMSService, type IdempotencyStore } from '../src';
import { createFakeProvider } from '../src/testing';
import { formatNumber, measure, type Measurement } from './measure';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function service(options: { reliable: boolean; store?: IdempotencyStore }) {
  const twilio = createFakeProvider({ id: 'twilio' });
  const telnyx = createFakeProvider({ id: 'telnyx' });
  const sms = options.reliable
    ? new SMSService({ providers: [twilio, telnyx], idempotency: options.store === undefined ? {} : { store: options.store, retentionMs: 60_000 } })
    : new SMSService({ providers: [twilio], retry: false, circuitBreaker: false });
  return {
    sms,
    // The fakes keep every call for assertions; forget them between batches so memory stays flat.
    forget: () => {
      if (twilio.calls.length > 10_000) twilio.reset();
      if (telnyx.calls.length > 10_000) telnyx.reset();
    },
  };
}

async function measureSends(name: string, options: { reliable: boolean; store?: IdempotencyStore; keyed: boolean }, minimumMs: number): Promise<Measurement> {
  const { sms, forget } = service(options);
  let index = 0;
  const run = randomUUID().slice(0, 8);
  return measure(
    name,
    () => {
      forget();
      index += 1;
      return sms.send({ to: '+14155552671', body: 'Your verification code is 482913.', tenantId: 'org-1', ...(options.keyed ? { idempotencyKey: `${run}-${index}` } : {}) });
    },
    minimumMs,
  );
}

async function connectRedis(): Promise<RedisIdempotencyStore | string> {
  const store = createRedisIdempotencyStore({ url: redisUrl, keyPrefix: `bench-idempotency-${randomUUID().slice(0, 8)}:` });
  try {
    await store.release({ key: 'probe', token: 'bench' });
    return store;
  } catch (error) {
    await store.close();
    return error instanceof Error ? error.message : String(error);
  }
}

export async function runReliabilityBenchmark(minimumMs = 1_000): Promise<void> {
  const bare = await measureSends('bare pipeline (1 provider, no retry/breaker/key)', { reliable: false, keyed: false }, minimumMs);
  const reliable = await measureSends('+ retries, failover over 2, breakers', { reliable: true, keyed: false }, minimumMs);
  const memory = await measureSends('+ idempotency key, in-memory store', { reliable: true, store: createInMemoryIdempotencyStore(), keyed: true }, minimumMs);
  const redis = await connectRedis();
  const rows = [bare, reliable, memory];
  if (typeof redis !== 'string') {
    try {
      rows.push(await measureSends('+ idempotency key, Redis store', { reliable: true, store: redis, keyed: true }, minimumMs));
    } finally {
      await redis.close();
    }
  }

  console.log('\nReliability overhead on send(), one core, fake providers, sequential sends');
  console.table(
    rows.map((result) => ({
      task: result.name,
      'sends/s': formatNumber(result.operationsPerSecond),
      'µs/send': formatNumber(result.microsecondsPerOperation, 2),
      'throughput vs bare': `${formatNumber(result.operationsPerSecond / bare.operationsPerSecond, 3)}x`,
      'added µs/send': formatNumber(result.microsecondsPerOperation - bare.microsecondsPerOperation, 2),
    })),
  );
  if (typeof redis === 'string') console.log(`Redis row skipped: ${redisUrl} is unreachable (${redis}).`);
  else console.log('Redis keys expire after 60 s (retentionMs of the benchmark); each keyed send is one claim and one completion.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runReliabilityBenchmark();
}
