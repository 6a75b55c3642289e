import type { Logger } from '../logging/logger';
import { readLogger } from '../logging/read-logger';
import { ValidationError } from '../errors/validation-error';
import { busError } from './bus-error';
import { checkRetryDelay, checkSubscribeOptions, parseBusBody, serializeBusMessage } from './check-bus-arguments';
import { deadLetterQueueName } from './dead-letter-queue-name';
import type { BusDelivery, BusHandler, BusMessage, BusSubscription, EventBus, PublishOptions, RetryLaterOptions, SubscribeOptions } from './event-bus';
import { topicMatches } from './topic-matches';

export interface InMemoryEventBusOptions {
  /**
   * Deliveries of one message before it goes to the dead-letter queue instead (a RabbitMQ quorum queue's
   * `x-delivery-limit`): a message that crashes its handler every time cannot loop forever. Default 20.
   */
  deliveryLimit?: number;
  /** Called when a handler throws; the delivery, if unsettled, is given back. Default: a warning on `logger`. */
  onHandlerError?: (error: unknown, delivery: BusDelivery) => void;
  /** A pino-compatible logger (docs/logging.md). Default: warnings as `process.emitWarning`. */
  logger?: Logger;
}

export interface InMemoryEventBus extends EventBus {
  /** Messages waiting in `queue`, not handed out; 0 for an unknown queue. */
  depth(queue: string): number;
}

interface StoredMessage {
  readonly type: string;
  readonly body: string;
  readonly attempt: number;
  readonly deadLetterReason: string | undefined;
  deliveries: number;
  redelivered: boolean;
}

interface MemoryQueue {
  readonly name: string;
  readonly ready: StoredMessage[];
  readonly bindings: Set<string>;
  readonly consumers: Consumer[];
  readonly temporary: boolean;
  next: number;
  scheduled: boolean;
}

interface Consumer {
  readonly queue: MemoryQueue;
  readonly handler: BusHandler;
  readonly prefetch: number;
  readonly unsettled: Set<Handout>;
  /** Receives new deliveries. */
  active: boolean;
  /** Its deliveries can still be settled (false once closed: they went back to the queue). */
  open: boolean;
}

interface Handout {
  readonly message: StoredMessage;
  settled: boolean;
}

const BUS = 'memory';

/**
 * The embedded `EventBus`: queues, topic bindings, prefetch, manual settlement, redelivery of unsettled
 * deliveries when a subscription closes, dead-letter queues and delayed retries, all in one process, with
 * RabbitMQ's semantics (docs/platform-mode.md#rabbitmq: the in-memory bus offers the same contract). Messages go
 * through JSON, as on a broker. Nothing survives the process: use it for tests, development and
 * single-process hosts; use `createRabbitMqBus` across processes.
 *
 * @example
 * const bus = createInMemoryEventBus();
 * await bus.subscribe({ queue: 'audit', topics: ['sms.*'] }, async (delivery) => {
 *   console.log(delivery.type);
 *   await delivery.ack();
 * });
 * await bus.publish({ type: 'sms.sent' });
 */
export function createInMemoryEventBus(options: InMemoryEventBusOptions = {}): InMemoryEventBus {
  const deliveryLimit = options.deliveryLimit ?? 20;
  if (!Number.isSafeInteger(deliveryLimit) || deliveryLimit < 1) {
    throw new ValidationError({ field: 'options.deliveryLimit', reason: 'INVALID_OPTION', problem: `${String(deliveryLimit)} is not a whole number of 1 or more.`, fix: 'pass e.g. 20, or omit it.' });
  }
  const logger = readLogger(options.logger, 'options.logger');
  const onHandlerError = options.onHandlerError ?? ((error: unknown, delivery: BusDelivery) => reportHandlerError(error, delivery, logger));
  const queues = new Map<string, MemoryQueue>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const queueNamed = (name: string, temporary: boolean): MemoryQueue => {
    let queue = queues.get(name);
    if (queue === undefined) {
      queue = { name, ready: [], bindings: new Set(), consumers: [], temporary, next: 0, scheduled: false };
      queues.set(name, queue);
    }
    return queue;
  };

  const enqueue = (queue: MemoryQueue, message: StoredMessage): void => {
    queue.ready.push(message);
    schedule(queue);
  };

  // Deliveries start on a later turn, never inside publish() or a settle call, as with a broker.
  const schedule = (queue: MemoryQueue): void => {
    if (queue.scheduled || closed) return;
    queue.scheduled = true;
    setImmediate(() => {
      queue.scheduled = false;
      dispatch(queue);
    });
  };

  const dispatch = (queue: MemoryQueue): void => {
    while (queue.ready.length > 0 && !closed) {
      const consumer = nextConsumer(queue);
      if (consumer === undefined) return;
      const message = queue.ready.shift() as StoredMessage;
      message.deliveries += 1;
      if (message.deliveries > deliveryLimit) {
        moveToDeadLetter(queue, message, `delivery limit of ${deliveryLimit} reached`);
        continue;
      }
      handOut(consumer, message);
    }
  };

  const nextConsumer = (queue: MemoryQueue): Consumer | undefined => {
    const count = queue.consumers.length;
    for (let offset = 0; offset < count; offset += 1) {
      const consumer = queue.consumers[(queue.next + offset) % count] as Consumer;
      if (consumer.active && consumer.unsettled.size < consumer.prefetch) {
        queue.next = (queue.next + offset + 1) % count;
        return consumer;
      }
    }
    return undefined;
  };

  const moveToDeadLetter = (queue: MemoryQueue, message: StoredMessage, reason: string): void => {
    const target = queueNamed(deadLetterQueueName(queue.name), queue.temporary);
    enqueue(target, { type: message.type, body: message.body, attempt: message.attempt, deadLetterReason: reason, deliveries: 0, redelivered: false });
  };

  const giveBack = (queue: MemoryQueue, messages: readonly StoredMessage[]): void => {
    for (const message of [...messages].reverse()) {
      message.redelivered = true;
      queue.ready.unshift(message);
    }
    schedule(queue);
  };

  const handOut = (consumer: Consumer, message: StoredMessage): void => {
    const handout: Handout = { message, settled: false };
    consumer.unsettled.add(handout);
    const { queue } = consumer;
    // Settles once, and only while the subscription is open: after close() the message is back in the queue.
    const settle = async (action: () => void): Promise<void> => {
      if (handout.settled || !consumer.open) return;
      handout.settled = true;
      consumer.unsettled.delete(handout);
      action();
      schedule(queue);
    };
    const delivery: BusDelivery = {
      type: message.type,
      message: parseBusBody(message.body),
      redelivered: message.redelivered,
      attempt: message.attempt,
      deadLetterReason: message.deadLetterReason,
      ack: () => settle(() => undefined),
      requeue: () => settle(() => giveBack(queue, [message])),
      retryLater: async (retry: RetryLaterOptions) => {
        const delayMs = checkRetryDelay(retry?.delayMs);
        const replacement = retry.message === undefined ? undefined : serializeBusMessage(retry.message, BUS);
        if (handout.settled || !consumer.open) return;
        const copy: StoredMessage = {
          type: replacement?.type ?? message.type,
          body: replacement?.body ?? message.body,
          attempt: message.attempt + 1,
          deadLetterReason: undefined,
          deliveries: 0,
          redelivered: false,
        };
        const timer = setTimeout(() => {
          timers.delete(timer);
          const target = queues.get(queue.name);
          if (target !== undefined && !closed) enqueue(target, copy);
        }, delayMs);
        timers.add(timer);
        await settle(() => undefined);
      },
      deadLetter: (reason: string) => settle(() => moveToDeadLetter(queue, message, String(reason))),
    };
    void Promise.resolve()
      .then(() => consumer.handler(delivery))
      .catch((error: unknown) => {
        onHandlerError(error, delivery);
        // A handler that threw without settling gives the message back.
        void settle(() => giveBack(queue, [message]));
      });
  };

  const closeConsumer = (consumer: Consumer): void => {
    consumer.active = false;
    if (!consumer.open) return;
    consumer.open = false;
    const { queue } = consumer;
    const unsettled = [...consumer.unsettled].map((handout) => handout.message);
    consumer.unsettled.clear();
    queue.consumers.splice(queue.consumers.indexOf(consumer), 1);
    if (queue.temporary && queue.consumers.length === 0) {
      queues.delete(queue.name);
      queues.delete(deadLetterQueueName(queue.name));
      return;
    }
    giveBack(queue, unsettled);
  };

  return {
    async publish(message: BusMessage, publishOptions: PublishOptions = {}): Promise<void> {
      if (closed) throw closedError();
      const serialized = serializeBusMessage(message, BUS);
      const targets = [...queues.values()].filter((queue) => [...queue.bindings].some((pattern) => topicMatches(pattern, serialized.type)));
      if (targets.length === 0 && publishOptions.mandatory === true) {
        throw busError({ reason: 'BUS_UNROUTABLE', bus: BUS, message: `No queue is bound for ${serialized.type}: the message was not accepted. Start a subscriber (e.g. the worker) first.` });
      }
      for (const queue of targets) enqueue(queue, { type: serialized.type, body: serialized.body, attempt: 0, deadLetterReason: undefined, deliveries: 0, redelivered: false });
    },

    async subscribe(subscribeOptions: SubscribeOptions, handler: BusHandler): Promise<BusSubscription> {
      if (closed) throw closedError();
      const checked = checkSubscribeOptions(subscribeOptions);
      const queue = queueNamed(checked.queue, checked.expiresAfterIdleMs !== undefined);
      queueNamed(deadLetterQueueName(checked.queue), queue.temporary);
      for (const topic of checked.topics) queue.bindings.add(topic);
      const consumer: Consumer = { queue, handler, prefetch: checked.prefetch, unsettled: new Set(), active: true, open: true };
      queue.consumers.push(consumer);
      schedule(queue);
      return {
        queue: checked.queue,
        async cancel() {
          consumer.active = false;
        },
        async close() {
          closeConsumer(consumer);
        },
      };
    },

    async close(): Promise<void> {
      if (closed) return;
      for (const queue of queues.values()) for (const consumer of [...queue.consumers]) closeConsumer(consumer);
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },

    depth(name: string): number {
      return queues.get(name)?.ready.length ?? 0;
    },
  };
}

function closedError() {
  return busError({ reason: 'BUS_CLOSED', bus: BUS, message: 'The in-memory bus is closed.' });
}

function reportHandlerError(error: unknown, delivery: BusDelivery, logger: Logger): void {
  const detail = error instanceof Error ? error.message : String(error);
  logger.warn({ code: 'TOOLS_CORE_BUS_HANDLER', eventType: delivery.type, err: error }, `A ${delivery.type} handler failed: ${detail}`);
}
