/**
 * One process of the "two processes share Redis" test: an `SMSService` on a fake provider that takes
 * 300 ms to accept, with the Redis idempotency store. It waits for the agreed start time so both
 * processes send together, then prints how many provider calls it made and what it got.
 *
 * Run: node --import tsx test/support/services/redis-idempotency-sender.ts '{"url":…,"keyPrefix":…,"idempotencyKey":…,"startAt":…}'
 */
import { createRedisIdempotencyStore } from '../../../src/adapters/redis/redis-idempotency-store';
import { SMSService } from '../../../src/service/sms-service';
import { createFakeProvider } from '../../../src/testing/create-fake-provider';

interface SenderSettings {
  url: string;
  keyPrefix: string;
  idempotencyKey: string;
  startAt: number;
  name: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as SenderSettings;
const provider = createFakeProvider({ id: 'twilio', outcomes: () => ({ type: 'accept', delayMs: 300, providerMessageId: `SM-${settings.name}` }) });
const store = createRedisIdempotencyStore({ url: settings.url, keyPrefix: settings.keyPrefix });
const sms = new SMSService({ providers: [provider], idempotency: { store, pollIntervalMs: 20 } });

// Connect first, so the race below is between the two claims, not two connection set-ups.
await store.release({ key: 'warm-up', token: settings.name });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, settings.startAt - Date.now())));
try {
  const result = await sms.send({ to: '+14155552671', body: 'Your code is 482913', tenantId: 'org-1', idempotencyKey: settings.idempotencyKey });
  console.log(JSON.stringify({ name: settings.name, calls: provider.calls.length, id: result.id, providerMessageId: result.providerMessageId }));
} finally {
  await store.close();
}
