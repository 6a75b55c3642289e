import { SmsError } from '../errors/sms-error';
import type { SendResult } from '../messages/send-result';
import { SPAN_KIND, SPAN_STATUS, type TracerLike } from './tracer-like';

/**
 * Runs one `send()` inside its span (`sms.send`, docs/observability.md#spans), the parent of each provider
 * attempt's span: the tenant, then the message id, provider, segments, attempts, whether it failed over,
 * and the outcome or the error's code and reason. Without a tracer, just runs it.
 *
 * @example
 * return traceSend(tracer, { tenantId }, () => pipeline(input));
 */
export function traceSend(tracer: TracerLike | undefined, input: { readonly tenantId?: unknown }, run: () => Promise<SendResult>): Promise<SendResult> {
  if (tracer === undefined) return run();
  const attributes = { 'messaging.system': 'sms', ...(typeof input.tenantId === 'string' ? { 'sms.tenant_id': input.tenantId } : {}) };
  return tracer.startActiveSpan('sms.send', { kind: SPAN_KIND.internal, attributes }, async (span) => {
    try {
      const result = await run();
      span.setAttribute('messaging.message.id', result.id);
      span.setAttribute('sms.provider', result.provider);
      span.setAttribute('sms.segments', result.segments);
      span.setAttribute('sms.attempts', result.attempts.length);
      span.setAttribute('sms.failover', new Set(result.attempts.map((attempt) => attempt.provider)).size > 1);
      span.setAttribute('sms.outcome', 'sent');
      span.setStatus({ code: SPAN_STATUS.ok });
      return result;
    } catch (error) {
      if (SmsError.isInstance(error)) {
        span.setAttribute('sms.outcome', error.outcomeUnknown ? 'unknown' : 'not_sent');
        span.setAttribute('error.type', error.code);
        span.setAttribute('sms.error.reason', error.reason);
        if (error.provider !== undefined) span.setAttribute('sms.provider', error.provider);
      } else span.setAttribute('error.type', 'Error');
      span.setStatus({ code: SPAN_STATUS.error, message: SmsError.isInstance(error) ? error.reason : 'unexpected error' });
      throw error;
    } finally {
      span.end();
    }
  });
}
