import { loadOptionalPeer } from '../../optional-peers/load-optional-peer';
import type { AmqpConnect } from './amqp-client-like';

/**
 * amqplib's `connect`, imported on first use: amqplib is an optional peer, so hosts that never use the
 * RabbitMQ bus never load (or install) it. A missing package is an `SmsError` `SDK_NOT_INSTALLED` naming
 * the fix (`npm install amqplib`).
 *
 * @example
 * const connect = await loadAmqplib();
 * const connection = await connect('amqp://127.0.0.1');
 */
export function loadAmqplib(importModule: () => Promise<unknown> = () => import('amqplib')): Promise<AmqpConnect> {
  return loadOptionalPeer({
    packageName: 'amqplib',
    neededBy: 'The RabbitMQ bus',
    provider: 'rabbitmq',
    importModule,
    expected: 'its connect function',
    pick: (candidate) => {
      const connect = (candidate as { connect?: unknown } | null)?.connect;
      return typeof connect === 'function' ? (connect as AmqpConnect) : undefined;
    },
  });
}
