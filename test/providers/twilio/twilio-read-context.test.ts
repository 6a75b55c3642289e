import { describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import type { TwilioClientLike } from '../../../src/providers/twilio/twilio-client-like';
import { readableTwilioMessages } from '../../../src/providers/twilio/twilio-read-context';

const create = () => Promise.reject(new Error('not used'));

describe('readableTwilioMessages', () => {
  it('returns the callable client.messages of twilio-node, the same function', () => {
    const messages = Object.assign((sid: string) => ({ fetch: () => Promise.resolve({ sid, status: 'sent' }) }), { create, page: () => Promise.resolve({ instances: [] }) });
    const client = { messages } as unknown as TwilioClientLike;
    expect(readableTwilioMessages(client)).toBe(messages);
  });

  it.each([
    ['only messages.create', { create }],
    ['a callable messages without page', Object.assign(() => ({ fetch: create }), { create })],
    ['messages with a page that is not a function', Object.assign(() => ({ fetch: create }), { create, page: 'yes' })],
  ])('refuses %s with a non-retryable SDK_ERROR that requested nothing', (_name, messages) => {
    const client = { messages } as unknown as TwilioClientLike;
    let caught: unknown;
    try {
      readableTwilioMessages(client);
    } catch (error) {
      caught = error;
    }
    expect(SmsError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({
      code: 'PROVIDER_ERROR',
      reason: 'SDK_ERROR',
      retryable: false,
      fault: 'provider',
      outcomeUnknown: false,
      provider: 'twilio',
      message: 'Twilio: the client cannot read messages (it needs twilio-node\'s callable client.messages with page()); nothing was requested.',
    });
  });
});
