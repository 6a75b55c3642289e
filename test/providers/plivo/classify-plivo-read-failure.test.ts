import { describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { TRANSPORT_OUTCOMES, createTransportError } from '../../../src/providers/kit/transport-outcomes';
import { asReadError } from '../../../src/providers/plivo/classify-plivo-read-failure';
import { mapPlivoError } from '../../../src/providers/plivo/map-plivo-error';

const transport = (classification: (typeof TRANSPORT_OUTCOMES)[keyof typeof TRANSPORT_OUTCOMES]) => createTransportError({ provider: 'plivo', displayName: 'Plivo', classification });

// docs/plivo.md#reconciliation: a read creates nothing, so it is never outcome unknown.
describe('asReadError', () => {
  it('turns the outcome-unknown failures of a send into retryable read failures, keeping the send error as cause', () => {
    const timeout = transport(TRANSPORT_OUTCOMES.timedOut);
    const read = asReadError(timeout);
    expect(read).toMatchObject({ code: 'TIMEOUT', reason: 'RESPONSE_TIMEOUT', outcomeUnknown: false, retryable: true, fault: 'provider', provider: 'plivo' });
    expect(read.message).not.toContain('may have been accepted');
    expect(read.cause).toBe(timeout);
    expect(asReadError(mapPlivoError({ httpStatus: 502 }))).toMatchObject({ reason: 'PROVIDER_SERVER_ERROR', outcomeUnknown: false, retryable: true, httpStatus: 502 });
  });

  it("keeps the caller's abort not retryable, and a rate limit's wait", () => {
    expect(asReadError(transport(TRANSPORT_OUTCOMES.abortedInFlight))).toMatchObject({ reason: 'ABORTED', fault: 'request', outcomeUnknown: false, retryable: false });
    expect(asReadError(mapPlivoError({ httpStatus: 429, retryAfterMs: 2000 }))).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 2000 });
  });

  it('leaves a permanent refusal not retryable', () => {
    const refused = asReadError(new SmsError({ code: 'AUTH_ERROR', reason: 'AUTHENTICATION_FAILED', message: 'Plivo: the credentials were refused.', fault: 'provider', httpStatus: 401 }));
    expect(refused).toMatchObject({ code: 'AUTH_ERROR', retryable: false, outcomeUnknown: false, httpStatus: 401 });
  });
});
