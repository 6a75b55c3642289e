import { SmsError } from '../../errors/sms-error';
import { busError } from '../../platform/bus-error';
import { sleep } from '../../timers/sleep';
import type { AmqpConnect, AmqpConnection } from './amqp-client-like';
import { classifyConnectFailure } from './classify-connect-failure';
import { coalesceSocketWrites } from './coalesce-socket-writes';
import { loadAmqplib } from './load-amqplib';
import type { ResolvedRabbitMqBusOptions } from './rabbitmq-bus-options';
import { RabbitMqSession } from './rabbitmq-session';

export interface RabbitMqConnector {
  /** The live session, if there is one now (the publish fast path). */
  current(): RabbitMqSession | undefined;
  /** The live session, or the next one once connected; rejects with `BUS_UNAVAILABLE` at `deadline` (epoch ms), `BUS_CLOSED` once closed. */
  session(deadline: number): Promise<RabbitMqSession>;
  /** Called with every new session, after a reconnection too (consumers re-subscribe there). Returns the remover. */
  onSession(listener: (session: RabbitMqSession) => void): () => void;
  /** Ends a session whose channel failed, and reconnects. */
  lose(session: RabbitMqSession, cause: unknown): void;
  close(): Promise<void>;
}

/**
 * The bus's connection, kept open: connects on first use, and after a loss reconnects with capped
 * exponential backoff (equal jitter) until closed. Each connection gets a confirm channel and the durable
 * topic exchange. Nothing is lost in between: unconfirmed publishes fail with `SessionLostError` and are
 * published again on the next session, and the broker gives unacked deliveries back (docs/platform-mode.md#rabbitmq:
 * "any un-acked delivery is automatically requeued when the channel (or connection) is closed").
 * Before the first connection, a refused login or virtual host fails at once (`BUS_ACCESS_REFUSED`,
 * `BUS_VHOST_REFUSED`, not retryable) instead of being retried until the deadline.
 *
 * @example
 * const connector = createRabbitMqConnector(readRabbitMqBusOptions({ url: 'amqp://127.0.0.1' }));
 * const session = await connector.session(Date.now() + 5_000);
 */
export function createRabbitMqConnector(options: ResolvedRabbitMqBusOptions): RabbitMqConnector {
  const { log } = options;
  const listeners = new Set<(session: RabbitMqSession) => void>();
  // close() aborts it, ending any backoff wait at once.
  const closing = new AbortController();
  let connect: AmqpConnect | undefined = options.connect;
  let current: RabbitMqSession | undefined;
  let connecting: Promise<RabbitMqSession> | undefined;
  let generation = 0;
  let lastError: unknown;
  let closed = false;

  const closedError = () => busError({ reason: 'BUS_CLOSED', bus: 'rabbitmq', message: 'The RabbitMQ bus is closed.' });

  const open = async (): Promise<RabbitMqSession> => {
    connect ??= await loadAmqplib();
    // `timeout` bounds the TCP and AMQP handshake, so a black-holed broker address cannot stall reconnection.
    const connection: AmqpConnection = await connect(options.url, { clientProperties: { connection_name: options.connectionName }, timeout: 10_000 });
    if (options.coalesceWrites) coalesceSocketWrites(connection);
    let session: RabbitMqSession | undefined;
    let closedEarly = false;
    // An 'error' event without a listener would crash the process; the 'close' that follows does the work.
    connection.on('error', (error: Error) => void (lastError = error));
    connection.on('close', (error?: Error) => {
      closedEarly = true;
      if (session !== undefined) lose(session, error ?? lastError);
    });
    connection.on('blocked', (reason: string) => log({ level: 'warn', event: 'connection.blocked', message: `The broker blocked publishing: ${reason}` }));
    connection.on('unblocked', () => log({ level: 'info', event: 'connection.unblocked' }));
    try {
      const channel = await connection.createConfirmChannel();
      channel.on('error', (error: Error) => void (lastError = error));
      await channel.assertExchange(options.exchange, 'topic', { durable: true });
      if (closedEarly) throw lastError ?? new Error('The connection closed while opening.');
      session = new RabbitMqSession(connection, channel, (generation += 1));
      const opened = session;
      // The publishing channel can die alone (a channel-level error): start over with a new connection.
      channel.on('close', () => lose(opened, lastError));
      return session;
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  };

  const connectLoop = async (): Promise<RabbitMqSession> => {
    for (let attempt = 0; ; attempt += 1) {
      if (closed) throw closedError();
      try {
        const session = await open();
        if (closed) {
          await session.connection.close().catch(() => undefined);
          throw closedError();
        }
        current = session;
        log({ level: 'info', event: 'connection.opened', url: options.safeUrl, generation: session.generation });
        for (const listener of listeners) listener(session);
        return session;
      } catch (error) {
        if (closed) throw closedError();
        // A missing amqplib will not appear by waiting.
        if (SmsError.isInstance(error) && (error.reason === 'SDK_NOT_INSTALLED' || error.reason === 'SDK_LOAD_FAILED')) throw error;
        // Refused credentials or vhost fail at once before the first connection (a configuration error);
        // after one, they may be a broker restarting without its users yet, so reconnection goes on.
        const permanent = classifyConnectFailure(error, options.safeUrl, options.vhost);
        if (permanent !== undefined && generation === 0) throw permanent;
        lastError = permanent ?? error;
        const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.min(attempt, 30));
        const delayMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
        log({ level: 'warn', event: 'connection.retrying', url: options.safeUrl, attempt: attempt + 1, delay_ms: delayMs, message: describe(error) });
        await sleep(delayMs, closing.signal);
      }
    }
  };

  const ensureConnecting = (): Promise<RabbitMqSession> => {
    if (connecting === undefined) {
      const started = connectLoop().finally(() => {
        if (connecting === started) connecting = undefined;
      });
      connecting = started;
      started.catch(() => undefined);
    }
    return connecting;
  };

  const lose = (session: RabbitMqSession, cause: unknown): void => {
    if (!session.alive) return;
    session.markLost(cause);
    if (current === session) current = undefined;
    void session.connection.close().catch(() => undefined);
    if (closed) return;
    log({ level: 'warn', event: 'connection.lost', url: options.safeUrl, generation: session.generation, message: describe(cause) });
    void ensureConnecting();
  };

  return {
    current: () => (current?.alive === true ? current : undefined),
    async session(deadline) {
      if (closed) throw closedError();
      if (current?.alive) return current;
      const pending = ensureConnecting();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(busError({ reason: 'BUS_UNAVAILABLE', bus: 'rabbitmq', message: `RabbitMQ at ${options.safeUrl} was not reachable in time${lastError === undefined ? '' : ` (last error: ${describe(lastError)})`}.`, cause: lastError })),
          Math.max(0, deadline - Date.now()),
        );
      });
      try {
        return await Promise.race([pending, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    onSession(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    lose,
    async close() {
      if (closed) return;
      closed = true;
      closing.abort();
      const session = current;
      current = undefined;
      if (session !== undefined) {
        session.markLost(closedError());
        await session.connection.close().catch(() => undefined);
      }
      await connecting?.catch(() => undefined);
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? 'closed' : String(error);
}
