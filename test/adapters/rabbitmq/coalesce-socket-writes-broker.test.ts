// Cross-module scenario: coalesceSocketWrites on amqplib's socket against a real RabbitMQ (src/adapters/rabbitmq/coalesce-socket-writes.ts).
/**
 * `coalesceSocketWrites` on a real amqplib connection: it finds amqplib's socket (so an amqplib upgrade
 * that moves it fails here rather than silently costing a system call per frame), and 200 confirmed
 * publishes made in one turn leave in a handful of writes and are all confirmed.
 */
import type { Socket } from 'node:net';
import amqplib from 'amqplib';
import { describe, expect, it } from 'vitest';
import { coalesceSocketWrites } from '../../../src/adapters/rabbitmq/coalesce-socket-writes';
import { countFlushes } from '../../support/count-flushes';
import { AMQP_URL, rabbitmqIsReachable, uniqueName } from '../../support/services/platform-rabbitmq-support';

const reachable = await rabbitmqIsReachable();

describe.skipIf(!reachable)('coalesced writes on amqplib (127.0.0.1:5672)', () => {
  it('finds the socket, sends a burst of publishes in a few writes, and the broker confirms every one', async () => {
    const connection = await amqplib.connect(AMQP_URL);
    const queue = uniqueName('coalesce');
    try {
      expect(coalesceSocketWrites(connection)).toBe(true);
      const socket = (connection as unknown as { connection: { stream: Socket } }).connection.stream;
      const channel = await connection.createConfirmChannel();
      await channel.assertQueue(queue, { durable: false, autoDelete: false });
      const counts = countFlushes(socket);
      const confirms = Array.from({ length: 200 }, (_, index) => new Promise<void>((resolve, reject) => channel.sendToQueue(queue, Buffer.from(`message ${index}`), {}, (error: unknown) => (error ? reject(error) : resolve()))));
      await Promise.all(confirms);
      // 200 publishes of one frame batch each: amqplib alone makes about 200 writes.
      expect(counts.chunks).toBeGreaterThanOrEqual(200);
      expect(counts.single + counts.vectored).toBeLessThan(10);
      expect((await channel.checkQueue(queue)).messageCount).toBe(200);
      await channel.deleteQueue(queue);
    } finally {
      await connection.close();
    }
  });
});
