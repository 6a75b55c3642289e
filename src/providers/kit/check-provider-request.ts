import type { SmsErrorReason } from '../../errors/error-reason';
import { ValidationError } from '../../errors/validation-error';
import { isSenderShape } from '../../senders/sender-patterns';
import type { ProviderSendRequest } from '../provider';

export interface ProviderRequestLimits {
  /** Display name for messages: `Twilio`. */
  readonly displayName: string;
  readonly maxMediaUrls: number;
  /** What carries the message id back, for the fix text: `status callback`, `webhook`. */
  readonly callbackName: string;
}

/**
 * The checks every HTTP adapter makes before any I/O, refusing with a `ValidationError` what no provider
 * can do: an empty message id (callbacks could not correlate), more media URLs than the provider takes,
 * a sender that is neither E.164, alphanumeric nor a short code, a validity period of 0 or less (the
 * message's time to live is over: it must not be sent, docs/twilio.md#validity-period), and a `sendAt` that
 * is not a valid Date. Adapters call this directly, not only through `SMSService`, so it holds for
 * custom pipelines too.
 */
export function checkProviderRequest(request: ProviderSendRequest, limits: ProviderRequestLimits): void {
  if (typeof request.messageId !== 'string' || request.messageId.length === 0) {
    throw invalidRequest('messageId', 'INVALID_MESSAGE_ID', 'is empty.', `pass the library message id the ${limits.callbackName} should carry.`);
  }
  const mediaCount = request.mediaUrls?.length ?? 0;
  if (mediaCount > limits.maxMediaUrls) {
    throw invalidRequest(
      'mediaUrls',
      'TOO_MANY_MEDIA_URLS',
      `has ${mediaCount} URLs; ${limits.displayName} accepts at most ${limits.maxMediaUrls}.`,
      `attach at most ${limits.maxMediaUrls} media URLs, or send several messages.`,
    );
  }
  if (request.from !== undefined && !isSenderShape(request.from)) {
    throw invalidRequest(
      'from',
      'INVALID_SENDER',
      'is neither an E.164 number, an alphanumeric sender id nor a short code.',
      'pass a sender such as +14155550100, "Ocelot" or 12345, or omit it to use the configured one.',
    );
  }
  const validity = request.validityPeriodSeconds;
  if (validity !== undefined && (typeof validity !== 'number' || !Number.isFinite(validity) || validity <= 0)) {
    throw invalidRequest(
      'validityPeriodSeconds',
      'INVALID_VALIDITY_PERIOD',
      'is not a positive number of seconds: the message would already be expired.',
      'pass the remaining time to live in seconds, or do not send an expired message.',
    );
  }
  if (request.sendAt !== undefined && (!(request.sendAt instanceof Date) || Number.isNaN(request.sendAt.getTime()))) {
    throw invalidRequest('sendAt', 'INVALID_SEND_AT', 'is not a valid Date.', 'pass a Date in the future.');
  }
}

function invalidRequest(field: string, reason: SmsErrorReason, problem: string, fix: string): ValidationError {
  return new ValidationError({ field, reason, problem, fix });
}
