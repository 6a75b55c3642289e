import { withMessageIdParameter } from '../kit/with-message-id-parameter';
import { checkProviderRequest } from '../kit/check-provider-request';
import type { ProviderSendRequest } from '../provider';
import type { ResolvedTelnyxSettings } from './parse-telnyx-settings';
import type { TelnyxMessageSendParams } from './telnyx-client-like';

/** "You can include up to 10 media URLs per MMS message" (developers.telnyx.com, MMS media & transcoding). */
export const TELNYX_MAX_MEDIA_URLS = 10;


/**
 * Turns the library's request into the JSON body of `POST /v2/messages`, refusing with a
 * `ValidationError` (before any I/O) what Telnyx cannot do. Media makes it an MMS (`media_urls` and
 * `type: 'MMS'`); `sendAt` becomes `send_at` (ISO 8601); the webhook URL carries
 * `message_id=<request.messageId>` so `message.sent`/`message.finalized` webhooks correlate.
 *
 * Telnyx has no validity-period request field (`valid_until` exists only in responses, docs/telnyx.md#validity-period),
 * so `validityPeriodSeconds` is not sent; a period of 0 or less is still refused because the
 * message's time to live is over (docs/telnyx.md#validity-period).
 *
 * @example
 * buildTelnyxMessageParams({ messageId: 'm1', to: '+14155550100', body: 'Hi', mediaUrls: [], encoding: 'GSM-7', segments: 1 }, settings);
 * // { to: '+14155550100', from: '+14155550199', text: 'Hi', type: 'SMS', webhook_url: 'https://example.com/telnyx?message_id=m1' }
 */
export function buildTelnyxMessageParams(request: ProviderSendRequest, settings: ResolvedTelnyxSettings): TelnyxMessageSendParams {
  checkProviderRequest(request, { displayName: 'Telnyx', maxMediaUrls: TELNYX_MAX_MEDIA_URLS, callbackName: 'webhook' });
  const mediaUrls = request.mediaUrls ?? [];

  const params: TelnyxMessageSendParams = { to: request.to };
  const from = request.from ?? settings.from;
  if (from !== undefined) params.from = from;
  if (settings.messagingProfileId !== undefined) params.messaging_profile_id = settings.messagingProfileId;
  if (request.body !== '') params.text = request.body;
  if (mediaUrls.length > 0) {
    params.media_urls = [...mediaUrls];
    params.type = 'MMS';
  } else {
    params.type = 'SMS';
  }
  if (settings.webhookUrl !== undefined) params.webhook_url = withMessageIdParameter(settings.webhookUrl, request.messageId);
  if (request.sendAt !== undefined) params.send_at = request.sendAt.toISOString();
  return params;
}
