import { SmsError } from '../../errors/sms-error';
import type { TwilioClientLike, TwilioReadableMessagesLike } from './twilio-client-like';

/** What a read needs from the provider: its ready client, whether it is observed, its deadline. */
export interface TwilioReadContext {
  readonly client: TwilioClientLike;
  /** Whether the adapter's axios interceptors see this client's requests (see `attachTwilioObserver`). */
  readonly observable: boolean;
  readonly timeoutMs: number;
}

/**
 * The callable `client.messages` of twilio-node (`client.messages(sid).fetch()`, `client.messages.page()`;
 * https://www.twilio.com/docs/messaging/api/message-resource), or an `SmsError` (`SDK_ERROR`, not
 * retryable) for a structural client that only has `messages.create`.
 *
 * @example
 * const messages = readableTwilioMessages(client); // throws for { messages: { create } }
 */
export function readableTwilioMessages(client: TwilioClientLike): TwilioReadableMessagesLike {
  const messages: unknown = client.messages;
  if (typeof messages === 'function' && typeof (messages as { page?: unknown }).page === 'function') {
    return messages as TwilioReadableMessagesLike;
  }
  throw new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'SDK_ERROR',
    message: 'Twilio: the client cannot read messages (it needs twilio-node\'s callable client.messages with page()); nothing was requested.',
    retryable: false,
    fault: 'provider',
    outcomeUnknown: false,
    provider: 'twilio',
  });
}
