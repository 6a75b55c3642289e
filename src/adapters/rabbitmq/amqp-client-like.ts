/**
 * What the RabbitMQ bus needs of amqplib, structurally: amqplib's own `connect` (0.10 and later)
 * satisfies it, and so does a wrapper a host passes as `options.connect`. No amqplib types are imported,
 * so the declarations of this subpath compile without amqplib installed.
 */

export interface AmqpMessage {
  readonly content: Buffer;
  readonly fields: { readonly deliveryTag: number; readonly redelivered: boolean; readonly routingKey: string };
  readonly properties: { readonly type?: unknown; readonly messageId?: unknown; readonly headers?: Record<string, unknown> | undefined };
}

export interface AmqpChannel {
  assertExchange(exchange: string, type: string, options?: Record<string, unknown>): Promise<unknown>;
  assertQueue(queue: string, options?: Record<string, unknown>): Promise<unknown>;
  bindQueue(queue: string, source: string, pattern: string): Promise<unknown>;
  deleteQueue(queue: string): Promise<unknown>;
  prefetch(count: number): Promise<unknown>;
  consume(queue: string, onMessage: (message: AmqpMessage | null) => void, options?: Record<string, unknown>): Promise<{ consumerTag: string }>;
  cancel(consumerTag: string): Promise<unknown>;
  ack(message: AmqpMessage): void;
  nack(message: AmqpMessage, allUpTo?: boolean, requeue?: boolean): void;
  /** On a confirm channel, `callback` gets the broker's ack (no error) or nack (an error). */
  publish(exchange: string, routingKey: string, content: Buffer, options?: Record<string, unknown>, callback?: (error: unknown) => void): boolean;
  close(): Promise<void>;
  on(event: string, listener: (...args: never[]) => void): unknown;
  once(event: string, listener: (...args: never[]) => void): unknown;
}

export interface AmqpConnection {
  createChannel(): Promise<AmqpChannel>;
  createConfirmChannel(): Promise<AmqpChannel>;
  close(): Promise<void>;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/** amqplib's `connect(url, socketOptions)`. */
export type AmqpConnect = (url: string, socketOptions?: Record<string, unknown>) => Promise<AmqpConnection>;
