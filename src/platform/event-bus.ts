/**
 * The bus port of platform mode (docs/platform-mode.md#rabbitmq): named durable queues fed by topic bindings on the
 * message `type`, at-least-once delivery with manual settlement, a bounded number of unsettled
 * deliveries per subscription (prefetch), a dead-letter queue per queue, and delayed redelivery. The
 * in-memory default (`createInMemoryEventBus`) and the RabbitMQ adapter (`createRabbitMqBus` from
 * `@ocelot-platform/tools-core/rabbitmq`) pass the same contract suite (`runEventBusContract` in
 * `./testing`).
 *
 * An `EventBus` is also an `EventPublisher`: `publish` takes any event with a `type`.
 */

/** Anything published: a JSON-serialisable object whose `type` is its routing key (`sms.sent`, `sms.send_request`). */
export interface BusMessage {
  readonly type: string;
}

export interface PublishOptions {
  /**
   * Reject (`BUS_UNROUTABLE`) when no queue is bound for the message's type, instead of dropping it.
   * The client sets it for requests: with no worker queue, a request would be lost. Default false.
   */
  readonly mandatory?: boolean;
}

export interface SubscribeOptions {
  /**
   * The queue, created if missing. Subscriptions on one queue share its messages (competing consumers);
   * each queue bound to a type gets its own copy.
   */
  readonly queue: string;
  /**
   * Types bound to the queue, as topic patterns: `*` matches one dot-separated word, `#` zero or more
   * (`sms.*`). An empty list binds nothing new (consume a queue as it is, e.g. a dead-letter queue).
   */
  readonly topics: readonly string[];
  /** Most deliveries handed to this subscription and not yet settled. Default 10. */
  readonly prefetch?: number;
  /**
   * Makes the queue temporary: removed once unused for this long (RabbitMQ `x-expires`; in memory, when its
   * last subscription closes). Default: durable, kept.
   */
  readonly expiresAfterIdleMs?: number;
}

export interface RetryLaterOptions {
  /** Earliest redelivery, in ms. Rounded up by some buses (RabbitMQ: to a delay bucket), never down. */
  readonly delayMs: number;
  /** What to redeliver instead of the original (e.g. with a field filled in). Default: the original. */
  readonly message?: BusMessage;
}

/**
 * One message handed to a subscriber. Settle it exactly once; later calls do nothing. After the bus lost
 * the connection the delivery came on, settling does nothing either: the broker gives it back (the next
 * delivery has `redelivered: true`).
 */
export interface BusDelivery {
  /** The message's type (its routing key when published). */
  readonly type: string;
  /** The message as published (parsed JSON), or undefined when its body is not JSON. */
  readonly message: unknown;
  /** True when the message was handed out before and not acknowledged (a crash, a requeue). */
  readonly redelivered: boolean;
  /** How many times the message went through `retryLater`: 0 on its first run. */
  readonly attempt: number;
  /** On a dead-letter queue's deliveries: why it was dead-lettered. */
  readonly deadLetterReason: string | undefined;
  /** Done: the message leaves the queue. */
  ack(): Promise<void>;
  /** Give it back to the queue now, to be redelivered (flagged). */
  requeue(): Promise<void>;
  /** Redeliver it (or `options.message`) after a delay, then ack this delivery; the wait holds no delivery (docs/platform-mode.md#what-the-worker-does-with-each-request). */
  retryLater(options: RetryLaterOptions): Promise<void>;
  /** Move it to the queue's dead-letter queue (`deadLetterQueueName(queue)`) with the reason, then ack. */
  deadLetter(reason: string): Promise<void>;
}

/**
 * Handles one delivery. A handler that throws without settling gives the message back (requeued,
 * flagged as redelivered); one that returns may settle it later, until its subscription closes.
 */
export type BusHandler = (delivery: BusDelivery) => void | Promise<void>;

export interface BusSubscription {
  readonly queue: string;
  /** Stops new deliveries. Deliveries already handed out can still be settled. */
  cancel(): Promise<void>;
  /** Cancels, then gives every unsettled delivery back to the queue (redelivered, flagged). */
  close(): Promise<void>;
}

export interface EventBus {
  /** Resolves once the bus took responsibility for the message (RabbitMQ: the publisher confirm). */
  publish(message: BusMessage, options?: PublishOptions): Promise<void>;
  subscribe(options: SubscribeOptions, handler: BusHandler): Promise<BusSubscription>;
  /** Closes every subscription (unsettled deliveries go back to their queues) and the connection. */
  close(): Promise<void>;
}
