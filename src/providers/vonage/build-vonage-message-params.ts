import { ValidationError } from '../../errors/validation-error';
import { validatePhoneNumber } from '../../phone/validate-phone-number';
import { checkProviderRequest } from '../kit/check-provider-request';
import type { ProviderSendRequest } from '../provider';
import type { ResolvedVonageSettings } from './parse-vonage-settings';
import type { VonageMessageParams } from './vonage-client-like';

/** An MMS of the Messages API carries one image (`message_type: 'image'`, `image.url`, optional caption). */
export const VONAGE_MAX_MEDIA_URLS = 1;
/** "Client reference of up to 100 characters" (`@vonage/messages` `MessageParams.clientRef`; error 1450). */
export const VONAGE_MAX_CLIENT_REF_LENGTH = 100;

/**
 * "The Vonage Messages API currently supports sending MMS messages in the US and Canada"
 * (https://developer.vonage.com/en/messages/concepts/mms; docs/vonage.md#capabilities).
 */
const MMS_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA']);

/**
 * Turns the library's request into the JSON body of `POST /v1/messages`, refusing with a
 * `ValidationError` (before any I/O) what Vonage cannot do:
 * - text only → `channel: 'sms'`, `message_type: 'text'`; one media URL → `channel: 'mms'`,
 *   `message_type: 'image'` with the text as caption, to US and Canadian numbers only;
 * - numbers lose their `+` (the API wants E.164 digits: "Don't use a leading + or 00");
 * - `client_ref` carries the library's message id, so every status webhook correlates;
 * - `validityPeriodSeconds` becomes `ttl` (seconds), rounded up;
 * - `sendAt` is refused: the Messages API has no scheduling (docs/vonage.md#capabilities).
 *
 * @example
 * buildVonageMessageParams({ messageId: 'm1', to: '+14155552671', body: 'Hi', mediaUrls: [], encoding: 'GSM-7', segments: 1 }, settings);
 * // { channel: 'sms', message_type: 'text', to: '14155552671', from: '14155550199', text: 'Hi', client_ref: 'm1' }
 */
export function buildVonageMessageParams(request: ProviderSendRequest, settings: ResolvedVonageSettings): VonageMessageParams {
  checkProviderRequest(request, { displayName: 'Vonage', maxMediaUrls: VONAGE_MAX_MEDIA_URLS, callbackName: 'status webhook (client_ref)' });
  if (request.messageId.length > VONAGE_MAX_CLIENT_REF_LENGTH) {
    throw new ValidationError({
      field: 'messageId',
      reason: 'INVALID_MESSAGE_ID',
      problem: `has ${request.messageId.length} characters; Vonage's client_ref takes at most ${VONAGE_MAX_CLIENT_REF_LENGTH}.`,
      fix: `use message ids of at most ${VONAGE_MAX_CLIENT_REF_LENGTH} characters.`,
    });
  }
  if (request.sendAt !== undefined) {
    throw new ValidationError({
      field: 'sendAt',
      reason: 'INVALID_SEND_AT',
      problem: "is set, but Vonage's Messages API cannot schedule a message: it would go out now.",
      fix: 'send it at the time (from your own scheduler), or through a provider that schedules.',
    });
  }
  const mediaUrls = request.mediaUrls ?? [];
  if (mediaUrls.length > 0 && !isMmsDestination(request.to)) {
    throw new ValidationError({
      field: 'to',
      reason: 'DESTINATION_NOT_PERMITTED',
      problem: 'is not a US or Canadian number, and Vonage sends MMS to the US and Canada only.',
      fix: 'send the text without media, or the MMS through another provider.',
    });
  }
  const common = {
    to: withoutPlus(request.to),
    from: withoutPlus(request.from ?? settings.from),
    client_ref: request.messageId,
    ...(request.validityPeriodSeconds === undefined ? {} : { ttl: Math.ceil(request.validityPeriodSeconds) }),
  };
  const [imageUrl] = mediaUrls;
  if (imageUrl !== undefined) {
    return { channel: 'mms', message_type: 'image', ...common, image: { url: imageUrl, ...(request.body === '' ? {} : { caption: request.body }) } };
  }
  return { channel: 'sms', message_type: 'text', ...common, text: request.body };
}

function isMmsDestination(to: string): boolean {
  const result = validatePhoneNumber(to);
  return result.valid && result.country !== undefined && MMS_COUNTRIES.has(result.country);
}

/** `+14155552671` → `14155552671`; short codes and alphanumeric senders stay as they are. */
function withoutPlus(address: string): string {
  return address.startsWith('+') ? address.slice(1) : address;
}
