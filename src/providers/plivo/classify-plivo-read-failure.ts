import { SmsError } from '../../errors/sms-error';
import { classifyHttpStatus } from '../kit/classify-http-status';
import { createProviderError } from '../kit/create-provider-error';
import { parseRetryAfterMs } from '../kit/retry-after';
import type { HttpAttemptOutcome } from '../kit/run-http-attempt';
import { observedErrorBody } from './attach-plivo-observer';
import { classifyPlivoFailure, readPlivoErrorText } from './classify-plivo-failure';

type RejectedAttempt = Extract<HttpAttemptOutcome<unknown>, { status: 'rejected' }>;

/**
 * Turns a failed Plivo read (`GET …/Message/{uuid}/` or `GET …/Message/`) into an `SmsError`
 * (docs/plivo.md#reconciliation). The transport is classified as for a send (`classifyPlivoFailure`),
 * with two differences, because a read creates nothing:
 * - a non-2xx answer is classified by its HTTP status only (`classifyHttpStatus`): the create's rules
 *   (a 403 on `POST …/Message/` is geo permissions, `dst`/`src` texts) are about a message being sent;
 *   429 stays `RATE_LIMITED` with `retryAfterMs` (https://www.plivo.com/docs/messaging/api/message/list-all-messages:
 *   "The default rate limit for this API is 20 requests per minute");
 * - `outcomeUnknown` is always false: no message can have been accepted by a read. What made a send
 *   "outcome unknown" (a timeout, a broken connection, a 5xx, an unreadable 2xx) makes a read merely
 *   failed, so it is `retryable` unless the caller aborted it. The send-oriented error is kept as `cause`.
 *
 * @example
 * throw classifyPlivoReadFailure(outcome, { observable: true });
 */
export function classifyPlivoReadFailure(outcome: RejectedAttempt, options: { observable: boolean }): SmsError {
  const response = outcome.interruption === undefined ? outcome.observation.response : undefined;
  if (response !== undefined && (response.status < 200 || response.status >= 300)) {
    return asReadError(
      createProviderError({
        provider: 'plivo',
        displayName: 'Plivo',
        classification: classifyHttpStatus(response.status),
        httpStatus: response.status,
        retryAfterMs: parseRetryAfterMs(response.readHeader),
        vendorMessage: readPlivoErrorText(observedErrorBody(outcome.observation)),
        recognised: false,
      }),
    );
  }
  return asReadError(classifyPlivoFailure(outcome, options));
}

/**
 * The read version of a send-oriented error: same code, reason, fault, HTTP status and wait, never
 * outcome unknown. Exported for errors the adapter raises itself before a read (an aborted signal).
 */
export function asReadError(error: SmsError): SmsError {
  const retryable = error.retryable || (error.outcomeUnknown && error.fault === 'provider');
  const status = error.httpStatus === undefined ? '' : `, HTTP ${error.httpStatus}`;
  return new SmsError({
    code: error.code,
    reason: error.reason,
    message: `Plivo: reading message status failed (${error.reason}${status}); a read sends nothing. ${error.message}`.replace(/; the message (may have been|was probably|was not) [^.]*\./g, '.'),
    retryable,
    fault: error.fault,
    outcomeUnknown: false,
    provider: error.provider,
    providerCode: error.providerCode,
    httpStatus: error.httpStatus,
    retryAfterMs: retryable ? error.retryAfterMs : undefined,
    cause: error,
  });
}
