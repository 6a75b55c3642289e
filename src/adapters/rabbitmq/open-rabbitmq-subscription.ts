import { busError } from '../../platform/bus-error';
import type { CheckedSubscribeOptions } from '../../platform/check-bus-arguments';
import type { BusHandler, BusSubscription } from '../../platform/event-bus';
import type { AmqpChannel, AmqpMessage } from './amqp-client-like';
import type { RabbitMqConnector } from './create-rabbitmq-connector';
import { RabbitMqDelivery, type RabbitMqDeliverySource } from './rabbitmq-delivery';
import type { ResolvedRabbitMqBusOptions } from './rabbitmq-bus-options';
import { subscriptionQueues, type QueueDeclaration } from './rabbitmq-queue-declarations';
import type { RabbitMqSession, RawPublish } from './rabbitmq-session';

export interface RabbitMqSubscriptionContext {
  readonly connector: RabbitMqConnector;
  readonly options: ResolvedRabbitMqBusOptions;
  readonly publish: (publish: RawPublish) => Promise<void>;
  readonly declare: (declaration: QueueDeclaration) => Promise<void>;
  /** Records a queue this bus declared. */
  readonly remember: (queue: string) => void;
}

/**
 * A consumer that survives reconnections: on each new connection it opens a channel, sets the prefetch,
 * declares its queues (dead-letter queue first, then the work queue with its DLX) and bindings, and
 * consumes with manual acks (docs/platform-mode.md#what-the-worker-does-with-each-request). A channel that closes alone is reopened. Its
 * deliveries' settle calls are bound to the channel they came on.
 *
 * @example
 * const subscription = await openRabbitMqSubscription(context, checkSubscribeOptions({ queue: 'q', topics: ['sms.sent'] }), handler);
 */
export async function openRabbitMqSubscription(context: RabbitMqSubscriptionContext, options: CheckedSubscribeOptions, handler: BusHandler): Promise<BusSubscription> {
  const { connector, options: bus } = context;
  const queues = subscriptionQueues({ queue: options.queue, queueType: bus.queueType, deliveryLimit: bus.deliveryLimit, expiresAfterIdleMs: options.expiresAfterIdleMs });
  let channel: AmqpChannel | undefined;
  let channelOpen = false;
  let consumerTag: string | undefined;
  let establishedGeneration = 0;
  let cancelled = false;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  let liveSession: RabbitMqSession | undefined;
  const deliverySource: RabbitMqDeliverySource = {
    queue: options.queue,
    deadLetterQueue: queues.deadLetter.name,
    isLive: (from) => channel === from && channelOpen && liveSession?.alive === true,
    publish: context.publish,
    declare: context.declare,
  };

  const onMessage = (message: AmqpMessage | null, from: AmqpChannel): void => {
    if (message === null) {
      // The broker cancelled the consumer (its queue was deleted): reopen, which declares it again.
      bus.log({ level: 'warn', event: 'subscription.failed', queue: options.queue, message: 'The broker cancelled the consumer.' });
      if (channel === from) void from.close().catch(() => undefined);
      return;
    }
    const delivery = new RabbitMqDelivery(deliverySource, message, from);
    // Called in place, as amqplib's own consumers are: no promise per message unless the handler returns one.
    let handled: unknown;
    try {
      handled = handler(delivery);
    } catch (error) {
      handlerFailed(delivery, error);
      return;
    }
    if (typeof (handled as PromiseLike<void> | undefined)?.then === 'function') Promise.resolve(handled).catch((error: unknown) => handlerFailed(delivery, error));
  };

  const handlerFailed = (delivery: RabbitMqDelivery, error: unknown): void => {
    bus.log({ level: 'error', event: 'handler.failed', queue: options.queue, message: error instanceof Error ? error.message : String(error) });
    // A handler that threw without settling gives the message back.
    if (!delivery.settled) void delivery.requeue();
  };

  const establish = async (session: RabbitMqSession, again: boolean): Promise<void> => {
    if (closed || !session.alive || (!again && session.generation <= establishedGeneration)) return;
    const next = await session.connection.createChannel();
    // The 'close' that follows reopens the channel; the error says why it closed.
    next.on('error', (error: Error) => bus.log({ level: 'warn', event: 'subscription.failed', queue: options.queue, message: error.message }));
    next.on('close', () => {
      if (channel !== next) return;
      channelOpen = false;
      // Only this channel closed (its connection is fine): reopen it after a pause.
      if (!closed && session.alive) setTimeout(() => void schedule(session, true), 1_000).unref();
    });
    try {
      await next.prefetch(options.prefetch);
      for (const declaration of queues.declarations) {
        await next.assertQueue(declaration.name, declaration.options);
        context.remember(declaration.name);
      }
      for (const topic of options.topics) await next.bindQueue(options.queue, bus.exchange, topic);
    } catch (error) {
      await next.close().catch(() => undefined);
      throw error;
    }
    const previous = channel;
    channel = next;
    channelOpen = true;
    liveSession = session;
    establishedGeneration = session.generation;
    if (previous !== undefined && previous !== next) void previous.close().catch(() => undefined);
    if (!cancelled && !closed) consumerTag = (await next.consume(options.queue, (message) => onMessage(message, next), { noAck: false })).consumerTag;
    if (session.generation > 1 || again) bus.log({ level: 'info', event: 'subscription.restored', queue: options.queue, generation: session.generation });
  };

  // One establishment at a time, in order: a reconnection never races the first subscribe.
  const schedule = (session: RabbitMqSession, again = false): Promise<void> => {
    chain = chain.catch(() => undefined).then(() => establish(session, again));
    chain.catch((error: unknown) => {
      bus.log({ level: 'error', event: 'subscription.failed', queue: options.queue, message: error instanceof Error ? error.message : String(error) });
      if (!closed && session.alive) setTimeout(() => void schedule(session, true), 5_000).unref();
    });
    return chain;
  };

  const unsubscribe = connector.onSession((session) => void schedule(session));
  try {
    await schedule(await connector.session(Date.now() + bus.connectTimeoutMs));
  } catch (error) {
    closed = true;
    unsubscribe();
    await channel?.close().catch(() => undefined);
    if ((error as { reason?: unknown } | null)?.reason !== undefined) throw error;
    throw busError({
      reason: 'BUS_UNAVAILABLE',
      bus: 'rabbitmq',
      message: `Could not subscribe to queue ${options.queue}: ${error instanceof Error ? error.message : String(error)}. If the queue exists with other arguments (another type or dead-letter settings), delete it or use another name.`,
      cause: error,
    });
  }

  const cancel = async (): Promise<void> => {
    cancelled = true;
    const tag = consumerTag;
    consumerTag = undefined;
    if (tag !== undefined && channel !== undefined && channelOpen) await channel.cancel(tag).catch(() => undefined);
  };

  return {
    queue: options.queue,
    cancel,
    async close() {
      if (closed) return;
      await cancel();
      closed = true;
      unsubscribe();
      const last = channel;
      channel = undefined;
      channelOpen = false;
      // Closing the channel gives every unacked delivery back to the queue.
      await last?.close().catch(() => undefined);
      if (options.expiresAfterIdleMs !== undefined) await deleteQueues(context, [queues.work.name, queues.deadLetter.name]);
    },
  };
}

/** Deletes a temporary subscription's queues when it closes, best effort (x-expires removes them anyway). */
async function deleteQueues(context: RabbitMqSubscriptionContext, names: readonly string[]): Promise<void> {
  try {
    const session = await context.connector.session(Date.now() + 1_000);
    for (const name of names) await session.channel.deleteQueue(name);
  } catch {
    // The bus is closing or the broker is away: x-expires will remove them.
  }
}
