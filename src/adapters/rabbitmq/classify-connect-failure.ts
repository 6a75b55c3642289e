import type { SmsError } from '../../errors/sms-error';
import { busError } from '../../platform/bus-error';

/**
 * A connection failure that waiting cannot fix, as the `SmsError` to fail with at once; undefined for
 * one worth retrying (refused or reset connections, timeouts, a broker starting up). amqplib reports
 * both refusals as plain errors during the handshake
 * (https://www.rabbitmq.com/docs/access-control#troubleshooting):
 * - wrong user or password: `Handshake terminated by server: 403 (ACCESS-REFUSED) …` → `BUS_ACCESS_REFUSED`;
 * - unknown virtual host, or one the user may not open: the broker answers `connection.open` with
 *   `connection.close`, `Expected ConnectionOpenOk; got <ConnectionClose …>` → `BUS_VHOST_REFUSED`.
 *
 * @example
 * classifyConnectFailure(new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) …'), 'amqp://guest:•••@127.0.0.1', '/')?.reason; // 'BUS_ACCESS_REFUSED'
 */
export function classifyConnectFailure(error: unknown, safeUrl: string, vhost: string): SmsError | undefined {
  const message = error instanceof Error ? error.message : '';
  if (/\b403\b.*ACCESS[-_]REFUSED|ACCESS_REFUSED - Login was refused/.test(message)) {
    return busError({
      reason: 'BUS_ACCESS_REFUSED',
      bus: 'rabbitmq',
      message: `RabbitMQ at ${safeUrl} refused the login (ACCESS_REFUSED): the user name or password in the URL is wrong. Fix: correct the credentials of the amqp:// URL.`,
      cause: error,
    });
  }
  if (/^Expected ConnectionOpenOk; got <ConnectionClose/.test(message)) {
    return busError({
      reason: 'BUS_VHOST_REFUSED',
      bus: 'rabbitmq',
      message: `RabbitMQ at ${safeUrl} refused the virtual host "${vhost}": it does not exist or the user may not use it. Fix: create it (rabbitmqctl add_vhost) and grant the user access, or correct the path of the amqp:// URL.`,
      cause: error,
    });
  }
  return undefined;
}
