import { runHttpAttempt } from '../kit/run-http-attempt';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import { toReadError } from '../kit/to-read-error';
import type { ProviderCallOptions, ProviderMessage, ProviderMessageQuery } from '../provider';
import { classifyTwilioFailure } from './classify-twilio-failure';
import { toTwilioProviderMessage } from './to-twilio-provider-message';
import type { TwilioMessagePageParams } from './twilio-client-like';
import { readableTwilioMessages, type TwilioReadContext } from './twilio-read-context';

/** "The default is 50, and the maximum is 1000" (PageSize, https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources). */
export const TWILIO_MAX_PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;

/**
 * `findMessages` of the Twilio provider: exactly one `GET /2010-04-01/Accounts/{AccountSid}/Messages.json`
 * (`client.messages.page()`) filtered by `To`, `From` (when given) and `DateSent`, `PageSize` = `limit`
 * (at most 1000), then filtered here to outbound messages created inside the window.
 *
 * `DateSent` accepts GMT dates only, `YYYY-MM-DD`, with `>=`/`<=` ranges (twilio-node's
 * `MessageListInstancePageOptions`; https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources;
 * Twilio's answer in https://github.com/twilio/twilio-oai/issues/21: "Please use the date format listed
 * in the description which is `YYYY-MM-DD`"). So the request covers whole days: from the day of
 * `createdAfter` to the day after `createdBefore` (the send date is at or after the creation, and may
 * fall after midnight), and `date_created` decides here. Messages without a creation date are kept:
 * a candidate too many is compared by the library, one too few could hide an accepted send.
 *
 * @example
 * await findTwilioMessages(context, { to: '+14155552671', createdAfter, createdBefore, body: 'Hi', limit: 20 });
 */
export async function findTwilioMessages(context: TwilioReadContext, query: ProviderMessageQuery, options: ProviderCallOptions = {}): Promise<readonly ProviderMessage[]> {
  if (options.signal?.aborted === true) {
    throw toReadError(createTransportError({ provider: 'twilio', displayName: 'Twilio', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest }), 'Twilio');
  }
  const pageSize = Math.min(Math.floor(query.limit), TWILIO_MAX_PAGE_SIZE);
  if (!(pageSize >= 1)) return [];
  const messages = readableTwilioMessages(context.client);
  const params: TwilioMessagePageParams = {
    to: query.to,
    ...(query.from === undefined ? {} : { from: query.from }),
    // Strings on purpose: twilio-node serialises a Date as a datetime, which the API does not document.
    dateSentAfter: gmtDate(query.createdAfter.getTime()) as unknown as Date,
    dateSentBefore: gmtDate(query.createdBefore.getTime() + DAY_MS) as unknown as Date,
    pageSize,
  };
  const outcome = await runHttpAttempt({ timeoutMs: context.timeoutMs, signal: options.signal, request: () => messages.page(params) });
  if (outcome.status === 'rejected') throw toReadError(classifyTwilioFailure(outcome, { observable: context.observable }), 'Twilio');
  const instances = outcome.value?.instances;
  if (!Array.isArray(instances)) {
    throw toReadError(createTransportError({ provider: 'twilio', displayName: 'Twilio', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus: outcome.observation.response?.status }), 'Twilio');
  }
  const after = query.createdAfter.getTime();
  const before = query.createdBefore.getTime();
  const found: ProviderMessage[] = [];
  for (const instance of instances) {
    // Direction `outbound-api`, `outbound-call`, `outbound-reply`; inbound messages are not sends.
    if (typeof instance?.direction !== 'string' || !instance.direction.startsWith('outbound')) continue;
    const message = toTwilioProviderMessage(instance);
    if (message === undefined) continue;
    const created = message.createdAt === null ? undefined : Date.parse(message.createdAt);
    if (created !== undefined && (created < after || created > before)) continue;
    found.push(message);
    if (found.length >= query.limit) break;
  }
  return found;
}

/** `YYYY-MM-DD` of a time, in GMT. */
function gmtDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
