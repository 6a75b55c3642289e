import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { messageStoreUnavailableError } from '../../src/store/message-store-unavailable-error';

describe('messageStoreUnavailableError', () => {
  it('is a retryable PROVIDER_ERROR / MESSAGE_STORE_UNAVAILABLE that was certainly not sent', () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const error = messageStoreUnavailableError(cause);
    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(SmsError);
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.reason).toBe('MESSAGE_STORE_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.outcomeUnknown).toBe(false);
    expect(error.cause).toBe(cause);
  });

  it("names the cause's message and says how to fix it", () => {
    expect(messageStoreUnavailableError(new Error('connect ECONNREFUSED 127.0.0.1:5432')).message).toBe(
      "The message store did not record the message before sending (connect ECONNREFUSED 127.0.0.1:5432), so it was not sent. Fix: check the store's connection and retry; with an idempotency key, retry with the same key.",
    );
  });

  it('cuts a long cause message to 200 characters', () => {
    const message = messageStoreUnavailableError(new Error('x'.repeat(500))).message;
    expect(message).toContain(`(${'x'.repeat(200)})`);
    expect(message).not.toContain('x'.repeat(201));
  });

  it.each([['a string', 'boom'], ['an empty Error', new Error('')], ['undefined', undefined]])('leaves the detail out for %s and still keeps the cause', (_label, cause) => {
    const error = messageStoreUnavailableError(cause);
    expect(error.message).toMatch(/^The message store did not record the message before sending, so it was not sent\. Fix:/);
    if (cause !== undefined) expect(error.cause).toBe(cause);
  });
});
