import { describe, expect, it } from 'vitest';
import { deadLetterQueueName } from '../../src/platform/dead-letter-queue-name';

describe('deadLetterQueueName', () => {
  it('is the queue name with .dead-letter (docs/platform-mode.md#rabbitmq)', () => {
    expect(deadLetterQueueName('tools-core.sms.send_request')).toBe('tools-core.sms.send_request.dead-letter');
  });
});
