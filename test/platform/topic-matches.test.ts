import { describe, expect, it } from 'vitest';
import { topicMatches } from '../../src/platform/topic-matches';

describe('topicMatches: AMQP topic patterns (https://www.rabbitmq.com/tutorials/tutorial-five-javascript)', () => {
  it.each([
    ['sms.sent', 'sms.sent', true],
    ['sms.sent', 'sms.failed', false],
    ['sms.*', 'sms.sent', true],
    ['sms.*', 'sms', false],
    ['sms.*', 'sms.status.delivered', false],
    ['*.sent', 'sms.sent', true],
    ['sms.#', 'sms', true],
    ['sms.#', 'sms.status.delivered', true],
    ['#', 'anything.at.all', true],
    ['#', '', true],
    ['#.delivered', 'sms.status.delivered', true],
    ['sms.#.delivered', 'sms.delivered', true],
    ['sms.#.delivered', 'sms.status.failed', false],
    ['sms.sent', 'sms.sent.extra', false],
  ])('%s against %s: %s', (pattern, routingKey, expected) => {
    expect(topicMatches(pattern, routingKey)).toBe(expected);
  });
});
