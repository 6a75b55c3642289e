import { busError } from '../../platform/bus-error';
import type { AmqpChannel, AmqpConnection, AmqpMessage } from './amqp-client-like';

/**
 * Header carrying a per-publish id, so a `basic.return` can be matched to its publish; only for a
 * mandatory message without a `messageId`, which otherwise does that job without a header to encode.
 */
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
 * one by one (docs/platform-mode.md#rabbitmq: "a channel in confirm mode gets exactly one basic.ack or basic.nack per
 * publish"; acks can arrive out of order, so each publish has its own callback). A `basic.return`, which
 * precedes the ack, turns the ack into `BUS_UNROUTABLE`. When the session is lost, every unconfirmed
 * publish fails with `SessionLostError` (amqplib before 1.0.5 could drop their callbacks).
 */
export class RabbitMqSession {
  alive = true;
  private readonly unconfirmed = new Set<(error: Error) => void>();
  /** Returns not yet matched to their ack, counted per match key (several publishes may share a messageId). */
  private readonly returned = new Map<string, number>();
  private writable: Promise<void> = Promise.resolve();
  private releaseWriters: (() => void) | undefined;

  constructor(
    readonly connection: AmqpConnection,
    readonly channel: AmqpChannel,
    readonly generation: number,
  ) {
    channel.on('return', (message: AmqpMessage) => {
      const key = returnKey(message.properties);
      if (key !== undefined) this.returned.set(key, (this.returned.get(key) ?? 0) + 1);
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
    // Only a mandatory message can come back (basic.return, sent before its ack), so only it needs a key.
    const messageId = publish.properties.messageId;
    const key = !publish.mandatory ? undefined : typeof messageId === 'string' ? `m:${messageId}` : `p:${(publishIds += 1)}`;
    return new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        this.unconfirmed.delete(fail);
        reject(error);
      };
      this.unconfirmed.add(fail);
      const properties =
        key === undefined || (key.startsWith('m:') && publish.properties.mandatory === true)
          ? publish.properties
          : key.startsWith('p:')
            ? { ...publish.properties, headers: { ...publish.properties.headers, [PUBLISH_ID_HEADER]: key.slice(2) }, mandatory: true }
            : { ...publish.properties, mandatory: true };
      try {
        const flowing = this.channel.publish(publish.exchange, publish.routingKey, publish.body, properties, (error: unknown) => {
          if (!this.unconfirmed.delete(fail)) return;
          if (key !== undefined && this.takeReturn(key)) {
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

  /** True, once, when a return for `key` came before this ack. */
  private takeReturn(key: string): boolean {
    const count = this.returned.get(key);
    if (count === undefined) return false;
    if (count === 1) this.returned.delete(key);
    else this.returned.set(key, count - 1);
    return true;
  }

  /** Ends the session: unconfirmed publishes fail with `SessionLostError`. */
  markLost(cause: unknown): void {
    if (!this.alive) return;
    this.alive = false;
    for (const fail of [...this.unconfirmed]) fail(new SessionLostError(cause));
    this.releaseWriters?.();
  }
}

/** How a returned message is matched to its publish: its publish-id header, else its messageId. */
function returnKey(properties: AmqpMessage['properties']): string | undefined {
  const header = properties.headers?.[PUBLISH_ID_HEADER];
  if (typeof header === 'string') return `p:${header}`;
  return typeof properties.messageId === 'string' ? `m:${properties.messageId}` : undefined;
}
