/**
 * The host's side of platform mode: publish a request to send an SMS and wait for its answer, instead of
 * calling `send()`. Run a worker first (examples/platform-worker.ts, or `tools-core worker`).
 *
 *   AMQP_URL=amqp://guest:guest@127.0.0.1:5672 npx tsx examples/platform-host.ts +14155552671 order-42
 */
import { pathToFileURL } from 'node:url';
import { createSmsClient, SmsError, type EventBus } from '@ocelot-platform/tools-core';
import { createRabbitMqBus } from '@ocelot-platform/tools-core/rabbitmq';

export async function notifyShipped(bus: EventBus, to: string, orderId: string): Promise<string> {
  const client = createSmsClient({ bus, timeoutMs: 30_000 });
  try {
    const answer = await client.request({
      tenantId: 'shop-1',
      to,
      body: `Your order ${orderId} has shipped.`,
      // The same key for the same notification: a resend (after a timeout, a host crash…) is one message.
      idempotencyKey: `${orderId}-shipped`,
      correlationId: `order-${orderId}`,
      ttlSeconds: 600,
      metadata: { orderId },
    });
    if (answer.type === 'sms.sent') return `sent via ${answer.data.provider} as ${answer.data.provider_message_id} (${answer.data.segments} segment, ${answer.data.cost} ${answer.data.currency})`;
    const error = answer.data.error;
    return `failed: ${error?.code}/${error?.reason}${error?.outcome_unknown ? ' (outcome unknown: do not resend with a new key)' : ''}`;
  } catch (error) {
    // No answer in time: the worker may still send it. Resend only with the same idempotency key.
    if (SmsError.isInstance(error)) return `no answer: ${error.code}/${error.reason}`;
    throw error;
  } finally {
    await client.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bus = createRabbitMqBus({ url: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672' });
  try {
    console.log(await notifyShipped(bus, process.argv[2] ?? '+14155552671', process.argv[3] ?? `example-${Date.now()}`));
  } finally {
    await bus.close();
  }
}
