import { maskPhoneNumber } from '../phone/mask-phone-number';
import type { ProviderSendOptions, ProviderSendRequest, ProviderSendResult, SmsProvider } from '../providers/provider';
import { toSmsError } from '../providers/to-sms-error';
import { SPAN_KIND, SPAN_STATUS, type TracerLike } from './tracer-like';

/**
 * The provider port with one client span per provider attempt (`sms.provider.attempt`, a child of the
 * send's span: docs/observability.md#spans): provider, message id, segments, encoding and the masked
 * destination; then the outcome (`sent`, `not_sent`, `unknown`), the provider message id or the error's
 * code, reason and provider code. Never a body or a whole number. Returns the same port: every other method
 * is forwarded.
 *
 * @example
 * const traced = createTracedProvider(twilio, trace.getTracer('sms'));
 */
export function createTracedProvider(provider: SmsProvider, tracer: TracerLike): SmsProvider {
  return {
    ...provider,
    ...(provider.ready === undefined ? {} : { ready: provider.ready.bind(provider) }),
    ...(provider.fetchMessage === undefined ? {} : { fetchMessage: provider.fetchMessage.bind(provider) }),
    ...(provider.findMessages === undefined ? {} : { findMessages: provider.findMessages.bind(provider) }),
    send(request: ProviderSendRequest, options?: ProviderSendOptions): Promise<ProviderSendResult> {
      const attributes = {
        'messaging.system': 'sms',
        'messaging.operation.name': 'send',
        'messaging.message.id': request.messageId,
        'sms.provider': provider.id,
        'sms.segments': request.segments,
        'sms.encoding': request.encoding,
        'sms.to': maskPhoneNumber(request.to),
      };
      return tracer.startActiveSpan('sms.provider.attempt', { kind: SPAN_KIND.client, attributes }, async (span) => {
        try {
          const result = await provider.send(request, options);
          span.setAttribute('sms.outcome', 'sent');
          span.setAttribute('sms.provider_message_id', result.providerMessageId);
          span.setStatus({ code: SPAN_STATUS.ok });
          return result;
        } catch (thrown) {
          const error = toSmsError(thrown, provider.id);
          span.setAttribute('sms.outcome', error.outcomeUnknown ? 'unknown' : 'not_sent');
          span.setAttribute('error.type', error.code);
          span.setAttribute('sms.error.reason', error.reason);
          if (error.providerCode !== undefined) span.setAttribute('sms.provider_code', error.providerCode);
          span.setStatus({ code: SPAN_STATUS.error, message: error.reason });
          throw thrown;
        } finally {
          span.end();
        }
      });
    },
  };
}
