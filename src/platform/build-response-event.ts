import type { SmsError } from '../errors/sms-error';
import type { SmsResponseEvent } from '../events/contracts/sms-response-event';
import { SMS_EVENT_SCHEMA_VERSION, type SmsResultEvent, type SmsResultEventData } from '../events/sms-event';
import { toEventError } from '../events/to-event-error';
import type { SendResult } from '../messages/send-result';
import { deriveUuid } from '../hashing/derive-uuid';

/** Who a response answers. */
export interface ResponseTarget {
  readonly requestId: string;
  readonly correlationId: string;
  readonly tenantId: string | null;
  readonly metadata: Readonly<Record<string, unknown>>;
  /**
   * The id `send()` gives this request's message (derived from tenant and idempotency key,
   * `deriveMessageId`): every answer names it, so an answer after a crash names the message the provider
   * may already hold. Absent for a request too malformed to have one.
   */
  readonly messageId?: string;
}

export interface ResponseInput {
  readonly target: ResponseTarget;
  readonly timestamp: number;
  readonly outcome: { readonly result: SendResult } | { readonly error: SmsError };
  /** The service's own terminal event for this send, when it published one (it does not on a replay). */
  readonly terminal?: SmsResultEvent | undefined;
}

/**
 * The worker's answer to one request: `sms.sent` from the send's result, or `sms.failed` with the error
 * (and what the service's own `sms.failed` knew: its message id, destination, provider). Its `event_id`
 * derives from `request_id`, so every answer to one request has the same one, whichever delivery of the
 * request produced it.
 *
 * @example
 * buildResponseEvent({ target, timestamp: Date.now(), outcome: { result } }).type; // 'sms.sent'
 */
export function buildResponseEvent(input: ResponseInput): SmsResponseEvent {
  const { target, outcome } = input;
  const failed = 'error' in outcome;
  return {
    type: failed ? 'sms.failed' : 'sms.sent',
    schema_version: SMS_EVENT_SCHEMA_VERSION,
    event_id: responseEventId(target.requestId),
    correlation_id: target.correlationId,
    request_id: target.requestId,
    tenant_id: target.tenantId,
    timestamp: new Date(input.timestamp).toISOString(),
    status: failed ? 'failed' : 'success',
    data: 'result' in outcome ? sentData(outcome.result, target) : failedData(outcome.error, target, input.terminal),
  };
}

/**
 * The `event_id` of every response to `requestId`.
 *
 * @example
 * responseEventId('request-42') === responseEventId('request-42'); // true
 */
export function responseEventId(requestId: string): string {
  return deriveUuid('sms.response', requestId);
}

function sentData(result: SendResult, target: ResponseTarget): SmsResultEventData {
  return {
    message_id: result.id,
    provider_message_id: result.providerMessageId,
    to_number: result.to,
    from_number: result.from,
    provider: result.provider,
    cost: result.cost?.amount ?? null,
    currency: result.cost?.currency ?? null,
    segments: result.segments,
    encoding: result.encoding,
    error: null,
    metadata: target.metadata,
  };
}

function failedData(error: SmsError, target: ResponseTarget, terminal: SmsResultEvent | undefined): SmsResultEventData {
  const known = terminal?.type === 'sms.failed' ? terminal.data : undefined;
  return {
    // Without the service's event (a key still held by a crashed worker, a refusal before the service), the
    // id send() gives this request: the one a provider that accepted it before the crash knows. Only a
    // request too malformed to have one gets an id derived from its request id.
    message_id: known?.message_id ?? target.messageId ?? deriveUuid('sms.message', target.requestId),
    provider_message_id: known?.provider_message_id ?? null,
    to_number: known?.to_number ?? null,
    from_number: known?.from_number ?? null,
    provider: known?.provider ?? error.provider ?? null,
    cost: null,
    currency: null,
    segments: known?.segments ?? null,
    encoding: known?.encoding ?? null,
    error: toEventError(error),
    metadata: target.metadata,
  };
}
