import type { Clock } from '../clock';
import { SmsError } from '../errors/sms-error';
import type { SmsResponseEvent } from '../events/contracts/sms-response-event';
import { smsSendRequestSchema, type SmsSendRequest } from '../events/contracts/sms-send-request-schema';
import { captureResultEvent } from '../events/result-event-capture';
import { maskPhoneNumber } from '../phone/mask-phone-number';
import type { SMSService } from '../service/sms-service';
import { deriveMessageId } from '../idempotency/derive-message-id';
import { buildResponseEvent, type ResponseTarget } from './build-response-event';
import { decideRequestRetry } from './decide-request-retry';
import type { BusDelivery, EventBus } from './event-bus';
import { invalidRequestError, requestExpiredError, workerFailureError } from './request-errors';
import { salvageResponseTarget } from './salvage-response-target';
import type { SmsWorkerLogEntry } from './sms-worker-log-entry';
import { toSendRequest } from './to-send-request';

export interface RequestProcessorOptions {
  readonly service: Pick<SMSService, 'send'>;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly maxUnexpectedRetries: number;
  /** Undefined: no entry is even built. */
  readonly log: ((entry: SmsWorkerLogEntry) => void) | undefined;
}

/**
 * What the worker does with one `sms.send_request` delivery (docs/platform-mode.md#what-the-worker-does-with-each-request),
 * in order: validate (poison → answered, dead-lettered), check the ttl
 * (expired → answered, never sent), send under the request's idempotency key, delay a retry when the
 * service could not take it yet, and publish the answer before settling the delivery (ack only
 * after the answer is confirmed). It throws only when the bus refuses the answer or the retry; the worker
 * then gives the delivery back.
 *
 * @example
 * const processRequest = createRequestProcessor({ service, bus, clock: systemClock, maxUnexpectedRetries: 3, log: undefined });
 * await processRequest(delivery);
 */
export function createRequestProcessor(options: RequestProcessorOptions): (delivery: BusDelivery) => Promise<void> {
  const { service, bus, clock, maxUnexpectedRetries, log } = options;

  const answer = async (delivery: BusDelivery, response: SmsResponseEvent, settle: 'ack' | { deadLetter: string }): Promise<void> => {
    await bus.publish(response);
    if (settle === 'ack') await delivery.ack();
    else await delivery.deadLetter(settle.deadLetter);
  };

  return async (delivery) => {
    const receivedAt = clock.now();
    const parsed = smsSendRequestSchema.safeParse(delivery.message);
    if (!parsed.success) {
      const error = invalidRequestError(parsed.error, delivery.message);
      const target = salvageResponseTarget(delivery.message);
      log?.({ level: 'warn', event: 'request.invalid', request_id: target.requestId, correlation_id: target.correlationId, code: error.code, reason: error.reason, message: error.message });
      await answer(delivery, buildResponseEvent({ target, timestamp: clock.now(), outcome: { error } }), { deadLetter: `${error.reason}: ${error.message}` });
      return;
    }
    const request = parsed.data;
    const messageId = deriveMessageId({ tenantId: request.tenant_id, idempotencyKey: request.idempotency_key });
    const target: ResponseTarget = { requestId: request.request_id, correlationId: request.correlation_id, tenantId: request.tenant_id, metadata: request.data.metadata, messageId };
    const about = () => ({ request_id: request.request_id, correlation_id: request.correlation_id, tenant_id: request.tenant_id, to: maskPhoneNumber(request.data.to_number) });
    // Without created_at the ttl counts from the first receipt, which a delayed retry carries forward.
    const createdAt = request.created_at === undefined ? receivedAt : Date.parse(request.created_at);
    const deadline = createdAt + request.ttl * 1000;
    if (clock.now() >= deadline) {
      const error = requestExpiredError({ ttlSeconds: request.ttl, deadline });
      log?.({ level: 'warn', event: 'request.expired', ...about(), code: error.code, reason: error.reason, redelivered: delivery.redelivered });
      await answer(delivery, buildResponseEvent({ target, timestamp: clock.now(), outcome: { error } }), 'ack');
      return;
    }

    // The service's own sms.sent / sms.failed is captured instead of published: the response below is
    // the one answer published, and a failure's answer keeps what the service knew. The capture follows
    // the async context, so it reaches the service through any wrapper of it.
    const captured = await captureResultEvent(() => service.send(toSendRequest(request, (deadline - clock.now()) / 1000)));
    let response: SmsResponseEvent;
    if (captured.ok) {
      const result = captured.value;
      response = buildResponseEvent({ target, timestamp: clock.now(), outcome: { result } });
      log?.({ level: 'info', event: 'request.sent', ...about(), provider: result.provider, attempt: delivery.attempt, redelivered: delivery.redelivered, duration_ms: clock.now() - receivedAt });
    } else {
      const thrown = captured.error;
      const retry = decideRequestRetry(thrown, delivery.attempt, maxUnexpectedRetries);
      if (retry !== undefined && clock.now() + retry.delayMs < deadline) {
        log?.({ level: 'info', event: 'request.delayed', ...about(), reason: retry.cause, delay_ms: retry.delayMs, attempt: delivery.attempt + 1 });
        await delivery.retryLater({ delayMs: retry.delayMs, message: withCreatedAt(request, createdAt) });
        return;
      }
      const error = SmsError.isInstance(thrown) ? thrown : workerFailureError(thrown, delivery.attempt + 1);
      response = buildResponseEvent({ target, timestamp: clock.now(), outcome: { error }, terminal: captured.event });
      log?.({ level: 'warn', event: 'request.failed', ...about(), code: error.code, reason: error.reason, provider: error.provider ?? null, attempt: delivery.attempt, redelivered: delivery.redelivered, duration_ms: clock.now() - receivedAt });
      if (!SmsError.isInstance(thrown)) {
        await answer(delivery, response, { deadLetter: `${error.reason}: ${error.message}` });
        return;
      }
    }
    await answer(delivery, response, 'ack');
  };
}

/** The request as redelivered by a delayed retry: with `created_at`, so its ttl keeps counting from the first receipt. */
function withCreatedAt(request: SmsSendRequest, createdAt: number): SmsSendRequest {
  return request.created_at === undefined ? { ...request, created_at: new Date(createdAt).toISOString() } : request;
}
