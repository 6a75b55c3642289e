import { busError } from '../../platform/bus-error';
import type { AmqpChannel, AmqpConnection, AmqpMessage } from './amqp-client-like';

/** Header carrying a per-publish id, so a `basic.return` can be matched to its publish. */
const PUBLISH_ID_HEADER = 'x-tools-core-publish-id';

export interface RawPublish {
  readonly exchange: string;
  readonly routingKey: string;
  readonly body: Buffer;
  readonly properties: Readonly<Record<string, unknown>> & { readonly headers?: Readonly<Record<string, unknown>> };
  readonly mandatory: boolean;
}

/** A publish failed because its session ended before the confirm: publish it again on the next one. */
export class SessionLostError extends Error {
  constructor(cause: unknown) {
    super('The RabbitMQ connection closed before the broker confirmed the message.', { cause });
    this.name = 'SessionLostError';
  }
}

let publishIds = 0;

/**
 * One connection and its confirm channel: a generation of the bus's connection. Publishes are confirmed
 * one by one (reliability.md §5: "a channel in confirm mode gets exactly one basic.ack or basic.nack per
 * publish"; acks can arrive out of order, so each publish has its own callback). A `basic.return`, which
 * precedes the ack, turns the ack into `BUS_UNROUTABLE`. When the session is lost, every unconfirmed
 * publish fails with `SessionLostError` (amqplib before 1.0.5 could drop their callbacks).
 */
export class RabbitMqSession {
  alive = true;
  private readonly unconfirmed = new Set<(error: Error) => void>();
  private readonly returned = new Set<string>();
  private writable: Promise<void> = Promise.resolve();
  private releaseWriters: (() => void) | undefined;

  constructor(
    readonly connection: AmqpConnection,
    readonly channel: AmqpChannel,
    readonly generation: number,
  ) {
    channel.on('return', (message: AmqpMessage) => {
      const id = message.properties.headers?.[PUBLISH_ID_HEADER];
      if (typeof id === 'string') this.returned.add(id);
    });
  }

  /**
   * Publishes and resolves on the broker's ack. Rejects with `BUS_UNROUTABLE` (returned), an error for a
   * nack, or `SessionLostError`.
   */
  async publish(publish: RawPublish): Promise<void> {
    if (!this.alive) throw new SessionLostError(undefined);
    // Back-pressure: amqplib's publish returns false when its buffer is full; wait for 'drain'.
    await this.writable;
    if (!this.alive) throw new SessionLostError(undefined);
    const id = String((publishIds += 1));
    return new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        this.unconfirmed.delete(fail);
        reject(error);
      };
      this.unconfirmed.add(fail);
      // Only a mandatory message can come back (basic.return), so only it carries the id to match it.
      const properties = publish.mandatory ? { ...publish.properties, headers: { ...publish.properties.headers, [PUBLISH_ID_HEADER]: id }, mandatory: true } : publish.properties;
      try {
        const flowing = this.channel.publish(publish.exchange, publish.routingKey, publish.body, properties, (error: unknown) => {
          if (!this.unconfirmed.delete(fail)) return;
          if (this.returned.delete(id)) {
            reject(busError({ reason: 'BUS_UNROUTABLE', bus: 'rabbitmq', message: `No queue is bound for ${publish.routingKey}: the broker returned the message. Start a subscriber (e.g. the worker) first.` }));
          } else if (error) {
            reject(this.alive ? busError({ reason: 'BUS_PUBLISH_REFUSED', bus: 'rabbitmq', message: 'The broker refused the message (basic.nack).', cause: error }) : new SessionLostError(error));
          } else resolve();
        });
        if (!flowing && this.releaseWriters === undefined) {
          this.writable = new Promise<void>((drained) => {
            this.releaseWriters = () => {
              this.releaseWriters = undefined;
              drained();
            };
            this.channel.once('drain', () => this.releaseWriters?.());
          });
        }
      } catch (error) {
        fail(new SessionLostError(error));
      }
    });
  }

  /** Ends the session: unconfirmed publishes fail with `SessionLostError`. */
  markLost(cause: unknown): void {
    if (!this.alive) return;
    this.alive = false;
    for (const fail of [...this.unconfirmed]) fail(new SessionLostError(cause));
    this.releaseWriters?.();
  }
}
