import { withMessageIdParameter } from '../kit/with-message-id-parameter';
import { checkProviderRequest } from '../kit/check-provider-request';
import { ValidationError } from '../../errors/validation-error';
import type { ProviderSendRequest } from '../provider';
import type { ResolvedPlivoSettings } from './parse-plivo-settings';
import type { PlivoMessageCreateParams } from './plivo-client-like';

/**
 * Plivo takes up to 10 attachments per MMS (https://support.plivo.com/hc/en-us/articles/360041855032);
 * more fail with HTTP 400. MMS goes to US and Canadian numbers only (docs/plivo.md#mms).
 */
export const PLIVO_MAX_MEDIA_URLS = 10;
/**
 * `message_expiry` range in seconds; without it Plivo expires a queued message after 10800 s (3 h)
 * with error 420 (https://support.plivo.com/hc/en-us/articles/14814454609561-Message-Expiry).
 */
export const PLIVO_MIN_MESSAGE_EXPIRY_SECONDS = 5;
export const PLIVO_MAX_MESSAGE_EXPIRY_SECONDS = 10_799;

/**
 * Turns the library's request into plivo-node `messages.create` parameters, refusing with a
 * `ValidationError` (before any I/O) what Plivo cannot do: more than 10 media URLs, `sendAt` (the
 * Message API has no scheduling), and what `checkProviderRequest` refuses for every provider.
 *
 * - The sender is the request's `from`, else the configured `from`, else the Powerpack. Plivo strips
 *   the `+` of numbers itself (https://www.plivo.com/docs/messaging/api/message/send-a-message); the
 *   adapter sends digits only, as Plivo's examples do.
 * - Media makes it `type: 'mms'` with `media_urls`.
 * - A validity period becomes `message_expiry`, rounded down and clamped to 5–10799 s
 *   (docs/plivo.md#validity-period).
 * - The status callback URL carries `message_id=<request.messageId>` and is called with POST.
 *
 * @example
 * buildPlivoMessageParams({ messageId: 'm1', to: '+14155550100', body: 'Hi', mediaUrls: [], encoding: 'GSM-7', segments: 1 }, settings);
 * // { src: '14155550199', dst: '14155550100', text: 'Hi', url: 'https://example.com/plivo?message_id=m1', method: 'POST' }
 */
export function buildPlivoMessageParams(request: ProviderSendRequest, settings: ResolvedPlivoSettings): PlivoMessageCreateParams {
  checkProviderRequest(request, { displayName: 'Plivo', maxMediaUrls: PLIVO_MAX_MEDIA_URLS, callbackName: 'status callback' });
  if (request.sendAt !== undefined) {
    throw new ValidationError({
      field: 'sendAt',
      reason: 'INVALID_SEND_AT',
      problem: 'is set, but the Plivo Message API cannot schedule a message.',
      fix: 'send without sendAt through Plivo, or schedule through a provider that supports it (capabilities.scheduling).',
    });
  }
  const from = request.from ?? settings.from;
  const params: PlivoMessageCreateParams = { dst: withoutPlus(request.to), text: request.body };
  if (from !== undefined) params.src = withoutPlus(from);
  else if (settings.powerpackUuid !== undefined) params.powerpackUUID = settings.powerpackUuid;
  const mediaUrls = request.mediaUrls ?? [];
  if (mediaUrls.length > 0) {
    params.type = 'mms';
    params.media_urls = [...mediaUrls];
  }
  if (settings.statusCallbackUrl !== undefined) {
    params.url = withMessageIdParameter(settings.statusCallbackUrl, request.messageId);
    params.method = 'POST';
  }
  if (request.validityPeriodSeconds !== undefined) {
    params.messageExpiry = Math.min(PLIVO_MAX_MESSAGE_EXPIRY_SECONDS, Math.max(PLIVO_MIN_MESSAGE_EXPIRY_SECONDS, Math.floor(request.validityPeriodSeconds)));
  }
  return params;
}

/** `+14155550100` → `14155550100`; alphanumeric senders and short codes are kept. */
function withoutPlus(address: string): string {
  return address.startsWith('+') ? address.slice(1) : address;
}
