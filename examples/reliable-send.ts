/**
 * Reliable sending: Twilio first, Telnyx as failover, retries of "not sent" failures, a circuit
 * breaker per provider and idempotency keys, all from environment variables.
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… TWILIO_PHONE_NUMBER=+1… \
 *   TELNYX_API_KEY=KEY… TELNYX_PHONE_NUMBER=+1… \
 *   npx tsx examples/reliable-send.ts +14155552671 order-42
 *
 * Run it twice with the same key in one process and the second send returns the first result
 * without a provider call. Several processes share keys through the Redis store (docs/reliability.md).
 * The test suite runs this file with nock answering for both APIs (test/examples/reliable-send.test.ts).
 */
import { pathToFileURL } from 'node:url';
import { createInMemoryEventPublisher, type InMemoryEventPublisher, createInMemoryIdempotencyStore, SMSService, SmsError } from '@ocelot-platform/tools-core';

export async function sendReliably(
  to: string,
  idempotencyKey: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  events: InMemoryEventPublisher = createInMemoryEventPublisher(),
): Promise<string[]> {
  const report: string[] = [];
  events.subscribe('sms.retrying', (event) => {
    report.push(`retrying ${event.data.provider} in ${event.data.delay_ms} ms after ${event.data.error.code}/${event.data.error.reason} (attempt ${event.data.attempt})`);
  });
  const sms = SMSService.fromEnv(env, {
    events,
    retry: { attempts: 3, initialDelayMs: 500, maxDelayMs: 8_000, maxTotalMs: 30_000 },
    circuitBreaker: { failureThreshold: 5, cooldownMs: 30_000 },
    // One process here; pass createRedisIdempotencyStore(...) to share keys between processes.
    idempotency: { store: createInMemoryIdempotencyStore(), inFlight: 'wait' },
    onBackgroundError: (error) => console.error('could not record or publish:', error),
  });

  for (const label of ['first send', 'same key again']) {
    try {
      const result = await sms.send({ to, body: 'Your order has shipped.', tenantId: 'shop-1', idempotencyKey });
      const route = result.attempts.map((attempt) => `${attempt.provider} ${attempt.outcome}`).join(', then ');
      report.push(`${label}: ${result.status} via ${result.provider} as ${result.providerMessageId} (${route})`);
    } catch (error) {
      if (!SmsError.isInstance(error)) throw error;
      // outcomeUnknown: the provider may have sent it; the status webhook settles it. Never resend with a new key.
      report.push(`${label}: ${error.code}/${error.reason}${error.outcomeUnknown ? ' (outcome unknown: do not resend)' : ''}`);
    }
  }
  report.push(`health: ${sms.health().status} (${sms.health().providers.map((provider) => `${provider.provider} ${provider.state}`).join(', ')})`);
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await sendReliably(process.argv[2] ?? '+14155552671', process.argv[3] ?? `example-${Date.now()}`)) console.log(line);
}
