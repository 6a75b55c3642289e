import { SmsError } from '../../errors/sms-error';
import { busError } from '../../platform/bus-error';
import { checkSubscribeOptions, serializeBusMessage } from '../../platform/check-bus-arguments';
import type { BusHandler, BusMessage, BusSubscription, EventBus, PublishOptions, SubscribeOptions } from '../../platform/event-bus';
import { createRabbitMqConnector } from './create-rabbitmq-connector';
import { openRabbitMqSubscription } from './open-rabbitmq-subscription';
import { readRabbitMqBusOptions, type RabbitMqBusOptions } from './rabbitmq-bus-options';
import type { QueueDeclaration } from './rabbitmq-queue-declarations';
import { SessionLostError, type RawPublish } from './rabbitmq-session';

export interface RabbitMqBus extends EventBus {
  /** The durable topic exchange messages are published to. */
  readonly exchange: string;
  /** Queues this bus declared (work, dead-letter and delay queues), e.g. to delete them after a test. */
  declaredQueues(): readonly string[];
}

/**
 * The `EventBus` on RabbitMQ (docs/platform-mode.md#rabbitmq). Messages go to a durable topic exchange with their type
 * as routing key, persistent, each confirmed by the broker before `publish` resolves; a publish waits
 * (up to `publishTimeoutMs`) through a reconnection and is confirmed after it. Subscriptions consume
 * durable queues (quorum by default, with a delivery limit) with manual acks and a prefetch, each with a
 * dead-letter queue; delayed retries go through per-delay queues that dead-letter back. The connection
 * comes back on its own with capped exponential backoff, and consumers with it; unacked deliveries are
 * redelivered by the broker. amqplib is an optional peer, imported on first use: importing this module
 * opens nothing.
 *
 * @example
 * import { createRabbitMqBus } from '@ocelot-platform/tools-core/rabbitmq';
 * const bus = createRabbitMqBus({ url: 'amqp://guest:guest@127.0.0.1:5672' });
 * const worker = createSmsWorker({ service: sms, bus, concurrency: 20 });
 */
export function createRabbitMqBus(options: RabbitMqBusOptions): RabbitMqBus {
  const resolved = readRabbitMqBusOptions(options);
  const connector = createRabbitMqConnector(resolved);
  const subscriptions = new Set<BusSubscription>();
  const declared = new Set<string>();
  let closed = false;

  const closedError = () => busError({ reason: 'BUS_CLOSED', bus: 'rabbitmq', message: 'The RabbitMQ bus is closed.' });

  /** Publishes until confirmed: again on the next connection when one is lost, after a pause when nacked. */
  const publishRaw = async (publish: RawPublish): Promise<void> => {
    const deadline = Date.now() + resolved.publishTimeoutMs;
    for (let attempt = 0; ; attempt += 1) {
      if (closed) throw closedError();
      const session = connector.current() ?? (await connector.session(deadline));
      try {
        await session.publish(publish);
        return;
      } catch (error) {
        if (SmsError.isInstance(error) && error.reason === 'BUS_UNROUTABLE') throw error;
        if (closed) throw closedError();
        if (Date.now() >= deadline) {
          throw busError({ reason: 'BUS_UNAVAILABLE', bus: 'rabbitmq', message: `The broker did not confirm the ${publish.routingKey} message within ${resolved.publishTimeoutMs} ms.`, cause: error });
        }
        // At-least-once: a confirm lost with its connection means the message may be there already;
        // publishing it again may duplicate it, which consumers dedupe (event_id, idempotency key).
        if (!(error instanceof SessionLostError)) await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 1_000)));
      }
    }
  };

  const declare = async (declaration: QueueDeclaration): Promise<void> => {
    const session = await connector.session(Date.now() + resolved.publishTimeoutMs);
    await session.channel.assertQueue(declaration.name, declaration.options);
    declared.add(declaration.name);
  };

  return {
    exchange: resolved.exchange,

    async publish(message: BusMessage, publishOptions: PublishOptions = {}): Promise<void> {
      if (closed) throw closedError();
      const serialized = serializeBusMessage(message, 'rabbitmq');
      const mandatory = publishOptions.mandatory === true;
      await publishRaw({
        exchange: resolved.exchange,
        routingKey: serialized.type,
        body: Buffer.from(serialized.body),
        // One literal shape, `mandatory` included: the session then passes it to amqplib as is.
        properties: { persistent: true, contentType: 'application/json', type: serialized.type, messageId: serialized.id, timestamp: Math.floor(Date.now() / 1000), mandatory },
        mandatory,
      });
    },

    async subscribe(subscribeOptions: SubscribeOptions, handler: BusHandler): Promise<BusSubscription> {
      if (closed) throw closedError();
      const checked = checkSubscribeOptions(subscribeOptions);
      const subscription = await openRabbitMqSubscription({ connector, options: resolved, publish: publishRaw, declare, remember: (queue) => declared.add(queue) }, checked, handler);
      subscriptions.add(subscription);
      return {
        queue: subscription.queue,
        cancel: () => subscription.cancel(),
        close: async () => {
          subscriptions.delete(subscription);
          await subscription.close();
        },
      };
    },

    async close(): Promise<void> {
      if (closed) return;
      const open = [...subscriptions];
      subscriptions.clear();
      await Promise.all(open.map((subscription) => subscription.close()));
      closed = true;
      await connector.close();
    },

    declaredQueues() {
      return [...declared];
    },
  };
}
