/**
 * One OS process of the exactness test: sends as fast as it can for several tenants through one Redis,
 * all at once, from a common start time, and prints what was admitted. Run as
 * `node --import tsx test/support/services/limits-hammer.ts '<json settings>'`.
 */
import { SMSService } from '../../../src/service/sms-service';
import { createRedisRateLimiter } from '../../../src/adapters/redis/redis-rate-limiter';
import { QuotaExceededError } from '../../../src/limits/quota-exceeded-error';
import type { QuotaEvent } from '../../../src/events/quota-event';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';
import { createLimiterClient } from './limits-redis';

interface Settings {
  readonly port: number;
  readonly keyPrefix: string;
  readonly startAt: number;
  /** Sends per tenant from this process. */
  readonly sends: Readonly<Record<string, number>>;
  readonly perTenant: Readonly<Record<string, { hourly: number; daily: number }>>;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as Settings;
const client = createLimiterClient(settings.port, { commandTimeout: 10_000 });
const events: QuotaEvent[] = [];
const provider = createFakeProvider({ id: 'twilio' });
const limiter = createRedisRateLimiter({ client, keyPrefix: settings.keyPrefix, timeoutMs: 10_000 });
const sms = new SMSService({ providers: [provider], quotas: { limiter, perTenant: settings.perTenant, onEvent: (event) => void events.push(event) } });
await new Promise<void>((resolve) => client.once('ready', () => resolve()));

while (Date.now() < settings.startAt) await new Promise((resolve) => setTimeout(resolve, 1));
const admitted: Record<string, number> = {};
const refused: Record<string, number> = {};
const failures: string[] = [];
await Promise.all(
  Object.entries(settings.sends).flatMap(([tenantId, count]) =>
    Array.from({ length: count }, async (_, index) => {
      try {
        await sms.send({ to: `+1415555${String(1000 + index).padStart(4, '0')}`, body: 'Your code is 123456', tenantId });
        admitted[tenantId] = (admitted[tenantId] ?? 0) + 1;
      } catch (error) {
        if (QuotaExceededError.isInstance(error)) refused[tenantId] = (refused[tenantId] ?? 0) + 1;
        else failures.push(error instanceof Error ? error.message : String(error));
      }
    }),
  ),
);
console.log(JSON.stringify({ admitted, refused, failures, providerCalls: provider.calls.length, degraded: events.filter((event) => event.type === 'sms.quota_degraded').length }));
client.disconnect();
