import { checkRetryDelay, parseBusBody, serializeBusMessage } from '../../platform/check-bus-arguments';
import type { BusDelivery, RetryLaterOptions } from '../../platform/event-bus';
import type { AmqpChannel, AmqpMessage } from './amqp-client-like';
import { delayQueue, type QueueDeclaration } from './rabbitmq-queue-declarations';
import type { RawPublish } from './rabbitmq-session';

export const ATTEMPT_HEADER = 'x-tools-core-attempt';
export const DEAD_LETTER_REASON_HEADER = 'x-tools-core-dead-letter-reason';

/** What every delivery of one subscription shares. */
export interface RabbitMqDeliverySource {
  /** The queue the messages come from. */
  readonly queue: string;
  readonly deadLetterQueue: string;
  /** True while `channel` is the subscription's open channel on a live connection. */
  readonly isLive: (channel: AmqpChannel) => boolean;
  /** The bus's confirmed publish (waits for a connection, retries on a new one). */
  readonly publish: (publish: RawPublish) => Promise<void>;
  /** Declares a queue on a live connection. */
  readonly declare: (declaration: QueueDeclaration) => Promise<void>;
}

/**
 * One RabbitMQ delivery as a `BusDelivery`. It settles once; on a channel that closed since (a lost
 * connection) settling does nothing, because the broker already requeued the message, and acking its tag
 * on another channel would close that one (docs/platform-mode.md#rabbitmq: acks must go on the channel that received the delivery).
 * `retryLater` and `deadLetter` publish a copy with confirms first, then ack: a crash in between leaves
 * both copies, which the idempotency key makes harmless. A class, not closures: one allocation per
 * message on the hot path.
 *
 * @example
 * const delivery = new RabbitMqDelivery(source, message, channel);
 * await delivery.ack();
 */
export class RabbitMqDelivery implements BusDelivery {
  readonly type: string;
  readonly message: unknown;
  readonly redelivered: boolean;
  readonly attempt: number;
  readonly deadLetterReason: string | undefined;
  private done = false;

  constructor(
    private readonly source: RabbitMqDeliverySource,
    private readonly amqpMessage: AmqpMessage,
    private readonly channel: AmqpChannel,
  ) {
    const headers = amqpMessage.properties.headers;
    const attempt = headers?.[ATTEMPT_HEADER];
    this.type = typeof amqpMessage.properties.type === 'string' ? amqpMessage.properties.type : amqpMessage.fields.routingKey;
    this.message = parseBusBody(amqpMessage.content.toString('utf8'));
    this.redelivered = amqpMessage.fields.redelivered;
    this.attempt = typeof attempt === 'number' && Number.isSafeInteger(attempt) ? attempt : 0;
    this.deadLetterReason = headers === undefined ? undefined : deadLetterReasonOf(headers);
  }

  /** True once settled (or given up because its channel closed). */
  get settled(): boolean {
    return this.done;
  }

  async ack(): Promise<void> {
    this.settleWith(() => this.channel.ack(this.amqpMessage));
  }

  async requeue(): Promise<void> {
    this.settleWith(() => this.channel.nack(this.amqpMessage, false, true));
  }

  async retryLater(options: RetryLaterOptions): Promise<void> {
    const delayMs = checkRetryDelay(options?.delayMs);
    const replacement = options.message === undefined ? undefined : serializeBusMessage(options.message, 'rabbitmq');
    if (this.done || !this.source.isLive(this.channel)) return;
    const declaration = delayQueue(this.source.queue, delayMs);
    await this.source.declare(declaration);
    const body = replacement === undefined ? this.amqpMessage.content : Buffer.from(replacement.body);
    await this.moveTo(declaration.name, body, { [ATTEMPT_HEADER]: this.attempt + 1 }, replacement?.type ?? this.type);
  }

  async deadLetter(reason: string): Promise<void> {
    await this.moveTo(this.source.deadLetterQueue, this.amqpMessage.content, { [ATTEMPT_HEADER]: this.attempt, [DEAD_LETTER_REASON_HEADER]: String(reason).slice(0, 1_000) }, this.type);
  }

  private settleWith(action: () => void): void {
    if (this.done) return;
    this.done = true;
    if (!this.source.isLive(this.channel)) return;
    try {
      action();
    } catch {
      // The channel closed in between: the broker gives the message back.
    }
  }

  /** Publishes a copy to `routingKey` through the default exchange, confirmed, then acks this delivery. */
  private async moveTo(routingKey: string, body: Buffer, headers: Record<string, unknown>, messageType: string): Promise<void> {
    if (this.done || !this.source.isLive(this.channel)) {
      this.done = true;
      return;
    }
    this.done = true;
    const { messageId } = this.amqpMessage.properties;
    try {
      await this.source.publish({
        exchange: '',
        routingKey,
        body,
        properties: { persistent: true, contentType: 'application/json', type: messageType, ...(typeof messageId === 'string' ? { messageId } : {}), timestamp: Math.floor(Date.now() / 1000), headers },
        mandatory: true,
      });
    } catch (error) {
      // Not moved: the delivery stays unsettled, so the caller can still requeue it.
      this.done = false;
      throw error;
    }
    this.done = false;
    // Closed in between: the original comes back too; the copy is a duplicate the idempotency key absorbs.
    this.settleWith(() => this.channel.ack(this.amqpMessage));
  }
}

/**
 * Why a message is on a dead-letter queue: the worker's reason, or what the broker recorded (`x-death`)
 * when it dead-lettered the message itself (the delivery limit). Expiry from a delay queue is a retry,
 * not a dead letter.
 */
function deadLetterReasonOf(headers: Record<string, unknown>): string | undefined {
  const own = headers[DEAD_LETTER_REASON_HEADER];
  if (typeof own === 'string') return own;
  const deaths = Array.isArray(headers['x-death']) ? (headers['x-death'] as { reason?: unknown }[]) : [];
  const broker = deaths.find((death) => typeof death?.reason === 'string' && death.reason !== 'expired');
  return broker === undefined ? undefined : `broker: ${String(broker.reason)}`;
}
