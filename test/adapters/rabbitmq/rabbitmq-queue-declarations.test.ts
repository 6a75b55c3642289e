import { describe, expect, it } from 'vitest';
import { delayQueue, subscriptionQueues } from '../../../src/adapters/rabbitmq/rabbitmq-queue-declarations';

describe('RabbitMQ queue declarations', () => {
  it('a durable work queue dead-letters to its own dead-letter queue through the default exchange, with a delivery limit', () => {
    const queues = subscriptionQueues({ queue: 'work', queueType: 'quorum', deliveryLimit: 20, expiresAfterIdleMs: undefined });
    expect(queues.declarations.map((declaration) => declaration.name)).toEqual(['work.dead-letter', 'work']);
    expect(queues.work.options).toEqual({ durable: true, arguments: { 'x-queue-type': 'quorum', 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'work.dead-letter', 'x-delivery-limit': 20 } });
    expect(queues.deadLetter.options).toEqual({ durable: true, arguments: { 'x-queue-type': 'quorum' } });
  });

  it('a temporary queue is classic with x-expires; a dead-letter queue subscribed to is declared as its work queue declared it', () => {
    const temporary = subscriptionQueues({ queue: 'answers', queueType: 'quorum', deliveryLimit: 20, expiresAfterIdleMs: 60_000 });
    expect(temporary.work.options.arguments).toEqual({ 'x-queue-type': 'classic', 'x-expires': 60_000, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'answers.dead-letter' });
    const dead = subscriptionQueues({ queue: 'work.dead-letter', queueType: 'quorum', deliveryLimit: 20, expiresAfterIdleMs: undefined });
    expect(dead.declarations).toEqual([{ name: 'work.dead-letter', options: { durable: true, arguments: { 'x-queue-type': 'quorum' } } }]);
  });

  it('rounds a delay up to its bucket, never down, and outlives it', () => {
    expect(delayQueue('work', 0).name).toBe('work.delay.100');
    expect(delayQueue('work', 1_000).name).toBe('work.delay.1000');
    expect(delayQueue('work', 1_001).name).toBe('work.delay.2000');
    expect(delayQueue('work', 86_400_000).name).toBe('work.delay.86400000');
    expect(delayQueue('work', 700).options.arguments).toEqual({ 'x-queue-type': 'classic', 'x-message-ttl': 1_000, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'work', 'x-expires': 62_000 });
  });
});
