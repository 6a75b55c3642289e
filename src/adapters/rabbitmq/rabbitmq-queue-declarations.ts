import { deadLetterQueueName } from '../../platform/dead-letter-queue-name';

/** What `assertQueue` gets for one queue. */
export interface QueueDeclaration {
  readonly name: string;
  readonly options: { readonly durable: boolean; readonly arguments: Readonly<Record<string, unknown>> };
}

export interface SubscriptionQueues {
  /** Declared first, so the work queue's dead-letter target always exists. */
  readonly deadLetter: QueueDeclaration;
  readonly work: QueueDeclaration;
  /** In declaration order: both, or only the queue itself when it is a dead-letter queue. */
  readonly declarations: readonly QueueDeclaration[];
}

/**
 * The work queue of a subscription and its dead-letter queue (docs/platform-mode.md#rabbitmq: durable, a DLX
 * and an explicit delivery limit). Both are durable; poison goes to `<queue>.dead-letter` through the
 * default exchange, whether the worker dead-letters it or the broker does (delivery limit). A temporary
 * queue (`expiresAfterIdleMs`) is classic, with `x-expires`, and so is its dead-letter queue. A
 * dead-letter queue subscribed to directly is declared as its work queue declared it, and has no
 * dead-letter queue of its own: `deadLetter()` there puts the message back at its end.
 *
 * @example
 * subscriptionQueues({ queue: 'q', queueType: 'quorum', deliveryLimit: 20, expiresAfterIdleMs: undefined }).work.options.arguments['x-delivery-limit']; // 20
 */
export function subscriptionQueues(options: { queue: string; queueType: 'quorum' | 'classic'; deliveryLimit: number; expiresAfterIdleMs: number | undefined }): SubscriptionQueues {
  const deadLetter = deadLetterQueueName(options.queue);
  const temporary = options.expiresAfterIdleMs !== undefined;
  const kind: Record<string, unknown> = temporary ? { 'x-queue-type': 'classic', 'x-expires': options.expiresAfterIdleMs } : { 'x-queue-type': options.queueType };
  // Consuming a dead-letter queue: declare it as its work queue declared it; a dead letter stays in it.
  if (options.queue.endsWith(deadLetterQueueName(''))) {
    const itself: QueueDeclaration = { name: options.queue, options: { durable: true, arguments: kind } };
    return { deadLetter: itself, work: itself, declarations: [itself] };
  }
  const declarations = {
    deadLetter: { name: deadLetter, options: { durable: true, arguments: kind } },
    work: {
      name: options.queue,
      options: {
        durable: true,
        arguments: {
          ...kind,
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': deadLetter,
          ...(options.queueType === 'quorum' && !temporary ? { 'x-delivery-limit': options.deliveryLimit } : {}),
        },
      },
    },
  };
  return { ...declarations, declarations: [declarations.deadLetter, declarations.work] };
}

/**
 * Delays `retryLater` rounds up to. One delay queue per bucket, each with one queue-wide TTL: RabbitMQ
 * expires messages only at the head of a queue, so mixing delays in one queue would hold short ones
 * behind long ones.
 */
export const DELAY_BUCKETS_MS = [100, 250, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000] as const;

/**
 * The delay queue for a retry of `queue` after `delayMs`: messages wait there for the bucket's TTL (the
 * smallest bucket at least `delayMs`: never early), then the broker dead-letters them back to `queue`
 * through the default exchange. It removes itself when unused (`x-expires`, renewed by the declaration
 * before each publish, and longer than the TTL so a waiting message is never lost).
 *
 * @example
 * delayQueue('q', 700).name; // 'q.delay.1000'
 */
export function delayQueue(queue: string, delayMs: number): QueueDeclaration {
  const bucket: number = DELAY_BUCKETS_MS.find((candidate) => candidate >= delayMs) ?? 86_400_000;
  return {
    name: `${queue}.delay.${bucket}`,
    options: {
      durable: true,
      arguments: {
        'x-queue-type': 'classic',
        'x-message-ttl': bucket,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queue,
        'x-expires': bucket * 2 + 60_000,
      },
    },
  };
}
