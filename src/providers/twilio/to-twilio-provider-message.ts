import type { ProviderMessage } from '../provider';
import { mapTwilioStatus } from './map-twilio-status';
import type { TwilioMessageReadLike } from './twilio-client-like';

/**
 * A twilio-node `MessageInstance` (the Message resource, https://www.twilio.com/docs/messaging/api/message-resource)
 * as a `ProviderMessage`: the status through the adapter's status table, `date_created` as ISO 8601,
 * `error_code` as the provider code (null when Twilio reports none). Undefined when it has no `sid`.
 *
 * @example
 * toTwilioProviderMessage(await client.messages('SM…').fetch())?.status; // 'delivered'
 */
export function toTwilioProviderMessage(message: TwilioMessageReadLike | null | undefined): ProviderMessage | undefined {
  if (typeof message?.sid !== 'string' || message.sid === '') return undefined;
  const created = message.dateCreated instanceof Date && !Number.isNaN(message.dateCreated.getTime()) ? message.dateCreated.toISOString() : null;
  const code = message.errorCode;
  return {
    providerMessageId: message.sid,
    status: mapTwilioStatus(message.status),
    to: typeof message.to === 'string' ? message.to : '',
    from: typeof message.from === 'string' && message.from !== '' ? message.from : null,
    body: typeof message.body === 'string' ? message.body : null,
    createdAt: created,
    // Twilio sends `error_code: null` when there is no error; 0 is not an error code either.
    providerCode: code === null || code === undefined || code === 0 || code === '' ? null : String(code),
  };
}
