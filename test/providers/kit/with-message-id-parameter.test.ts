import { describe, expect, it } from 'vitest';
import { withMessageIdParameter } from '../../../src/providers/kit/with-message-id-parameter';

describe('withMessageIdParameter', () => {
  it.each([
    ['https://example.com/hook', 'm1', 'https://example.com/hook?message_id=m1'],
    ['https://example.com/hook?', 'm1', 'https://example.com/hook?message_id=m1'],
    ['https://example.com/hook?a=1&b=%20x', 'm1', 'https://example.com/hook?a=1&b=%20x&message_id=m1'],
    ['https://example.com/hook?a=1#rc=2', 'm 1&2', 'https://example.com/hook?a=1&message_id=m%201%262#rc=2'],
    ['https://example.com/hook?message_id=old&a=1', 'new', 'https://example.com/hook?message_id=new&a=1'],
  ])('%s + %s → %s', (url, messageId, expected) => {
    expect(withMessageIdParameter(url, messageId)).toBe(expected);
  });
});
