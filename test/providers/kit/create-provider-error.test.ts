import { describe, expect, it } from 'vitest';
import { classifyHttpStatus } from '../../../src/providers/kit/classify-http-status';
import { createProviderError } from '../../../src/providers/kit/create-provider-error';

describe('createProviderError', () => {
  it('names the provider, its code and the HTTP status; a recognised code hides the vendor text', () => {
    const error = createProviderError({
      provider: 'my-gateway',
      displayName: 'My Gateway',
      classification: classifyHttpStatus(429),
      providerCode: 'THROTTLED',
      httpStatus: 429,
      retryAfterMs: 2000,
      vendorMessage: 'slow down +14155550100',
      recognised: true,
    });
    expect(error.message).toBe('My Gateway: too many requests; the request was not processed. (My Gateway code THROTTLED, HTTP 429)');
    expect(error).toMatchObject({ code: 'RATE_LIMITED', provider: 'my-gateway', providerCode: 'THROTTLED', httpStatus: 429, retryAfterMs: 2000 });
  });

  it('quotes an unrecognised vendor message with digit runs masked, and drops Retry-After when no retry is allowed', () => {
    const error = createProviderError({
      provider: 'my-gateway',
      classification: classifyHttpStatus(503),
      httpStatus: 503,
      retryAfterMs: 2000,
      vendorMessage: 'cannot deliver to +14155550100',
      recognised: false,
    });
    expect(error.message).toBe('my-gateway: the provider failed with a server error; the message may have been accepted. (HTTP 503) my-gateway said: "cannot deliver to [number]".');
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.outcomeUnknown).toBe(true);
  });
});
