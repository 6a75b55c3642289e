import { ValidationError } from '../../errors/validation-error';
import { withMessageIdParameter } from '../kit/with-message-id-parameter';
import { checkProviderRequest } from '../kit/check-provider-request';
import type { ProviderSendRequest } from '../provider';
import type { ResolvedTwilioSettings } from './parse-twilio-settings';
import type { TwilioMessageCreateParams } from './twilio-client-like';

/** Twilio accepts at most 10 `MediaUrl` values per message (docs/twilio.md#mms; https://www.twilio.com/docs/api/errors/21623). */
export const TWILIO_MAX_MEDIA_URLS = 10;
/** `ValidityPeriod` range in seconds; 36000 (10 h) is also Twilio's default (docs/twilio.md#validity-period; https://www.twilio.com/docs/api/errors/90007). */
export const TWILIO_MIN_VALIDITY_PERIOD_SECONDS = 1;
export const TWILIO_MAX_VALIDITY_PERIOD_SECONDS = 36_000;


/**
 * Turns the library's request into twilio-node `messages.create` parameters, refusing with a
 * `ValidationError` (before any I/O) what Twilio cannot do:
 * - more than 10 media URLs;
 * - `sendAt` without a Messaging Service (Twilio schedules only through one: `SendAt` +
 *   `ScheduleType=fixed`, docs/twilio.md#scheduling);
 * - a validity period of 0 or less (the message's time to live is over: it must not be sent,
 *   docs/twilio.md#validity-period). Longer periods are clamped to 36000 s, fractions rounded down so
 *   Twilio never keeps trying past the library's deadline.
 *
 * The status callback URL carries `message_id=<request.messageId>` so callbacks correlate.
 *
 * @example
 * buildTwilioMessageParams({ messageId: 'm1', to: '+14155550100', body: 'Hi', mediaUrls: [], encoding: 'GSM-7', segments: 1 }, settings);
 * // { to: '+14155550100', from: '+14155550199', body: 'Hi', statusCallback: 'https://example.com/twilio?message_id=m1' }
 */
export function buildTwilioMessageParams(request: ProviderSendRequest, settings: ResolvedTwilioSettings): TwilioMessageCreateParams {
  checkProviderRequest(request, { displayName: 'Twilio', maxMediaUrls: TWILIO_MAX_MEDIA_URLS, callbackName: 'status callback' });
  const mediaUrls = request.mediaUrls ?? [];
  const from = request.from ?? settings.from;

  const params: TwilioMessageCreateParams = { to: request.to };
  if (from !== undefined) params.from = from;
  if (settings.messagingServiceSid !== undefined) params.messagingServiceSid = settings.messagingServiceSid;
  if (request.body !== '') params.body = request.body;
  if (mediaUrls.length > 0) params.mediaUrl = [...mediaUrls];
  if (settings.statusCallbackUrl !== undefined) {
    params.statusCallback = withMessageIdParameter(settings.statusCallbackUrl, request.messageId);
  }
  if (request.validityPeriodSeconds !== undefined) {
    // Rounded down and clamped, so Twilio never keeps trying past the library's deadline.
    params.validityPeriod = Math.min(TWILIO_MAX_VALIDITY_PERIOD_SECONDS, Math.max(TWILIO_MIN_VALIDITY_PERIOD_SECONDS, Math.floor(request.validityPeriodSeconds)));
  }
  if (request.sendAt !== undefined) {
    if (settings.messagingServiceSid === undefined) {
      throw new ValidationError({
        field: 'sendAt',
        reason: 'SCHEDULING_REQUIRES_MESSAGING_SERVICE',
        problem: 'is set, but Twilio schedules messages only through a Messaging Service.',
        fix: 'configure messagingServiceSid (TWILIO_MESSAGING_SERVICE_SID) on the Twilio provider, or send without sendAt.',
      });
    }
    params.sendAt = request.sendAt;
    params.scheduleType = 'fixed';
  }
  return params;
}
