import type { InboundMedia } from '../../messages/inbound-message';
import type { OptOutAction } from '../../messages/opt-out-action';
import { PROVIDER_ID_PATTERN, type ParsedWebhook } from '../kit/parsed-webhook';
import type { PlivoParams } from './compute-plivo-signature';
import { mapPlivoError } from './map-plivo-error';
import { mapPlivoStatus } from './map-plivo-status';
import { plivoAddress, plivoParam } from './read-plivo-form';

/** Plivo delivers up to 10 media files per inbound MMS (https://support.plivo.com/hc/en-us/articles/360041855032). */
const MAX_MEDIA = 10;

/**
 * `MessageIntent` of an inbound message: Plivo matched a standard keyword, and on US and Canadian long
 * codes and toll-free numbers it answers STOP and HELP itself (its DND service,
 * https://docs.plivo.com/docs/messaging/concepts/dnd-service/).
 */
const MESSAGE_INTENTS: Readonly<Record<string, OptOutAction>> = { optout: 'opt-out', optin: 'opt-in', help: 'help' };

/**
 * Reads a verified Plivo messaging webhook (form parameters). A status callback
 * (https://www.plivo.com/docs/messaging/api/message/message-status-callbacks) carries `MessageUUID` and
 * `Status` (normalised with `mapPlivoStatus`, `ErrorCode` classified with `mapPlivoError`); an inbound
 * message (https://www.plivo.com/docs/messaging/api/message/handling-incoming) carries `MessageUUID`,
 * `From`, `To`, `Text` (SMS) or `Body` (MMS), `MediaCount` and `Media<n>`, and no `Status`. Plivo writes
 * numbers without `+`; they are read as E.164. The dedupe key is the signed content: Plivo's signature
 * has no timestamp, and it retries a callback that was not answered 2xx.
 *
 * @example
 * parsePlivoWebhook({ MessageUUID: 'db3c…', Status: 'undelivered', ErrorCode: '80', From: '14155550199', To: '14155552671' });
 * // { kind: 'status', status: 'undelivered', errorCode: '80', error: SmsError(RECIPIENT_UNREACHABLE), … }
 */
export function parsePlivoWebhook(params: PlivoParams): ParsedWebhook {
  const uuid = plivoParam(params, 'MessageUUID');
  if (uuid === undefined || !PROVIDER_ID_PATTERN.test(uuid)) return { kind: 'malformed', problem: 'MessageUUID is missing or malformed: this is not a Plivo messaging webhook.' };
  const from = plivoAddress(plivoParam(params, 'From'));
  const to = plivoAddress(plivoParam(params, 'To'));
  const providerStatus = plivoParam(params, 'Status');

  if (providerStatus === undefined) {
    const body = plivoParam(params, 'Text') ?? plivoParam(params, 'Body');
    const media = readMedia(params);
    if (body === undefined && media.length === 0) return { kind: 'malformed', problem: 'there is neither a Status nor a Text, Body or Media: this is not a Plivo messaging webhook.' };
    if (from === undefined || to === undefined) return { kind: 'malformed', problem: 'an inbound message needs From and To.' };
    const intent = plivoParam(params, 'MessageIntent')?.trim().toLowerCase() ?? '';
    const action = Object.hasOwn(MESSAGE_INTENTS, intent) ? MESSAGE_INTENTS[intent] : undefined;
    return {
      kind: 'inbound',
      dedupeKey: `inbound:${uuid}`,
      providerMessageId: uuid,
      from,
      to,
      body: body ?? '',
      media,
      receivedAt: null,
      providerOptOut: action === undefined ? null : { action, keyword: (body ?? '').trim().toUpperCase().slice(0, 32) || intent.toUpperCase() },
    };
  }
  if (providerStatus.length === 0 || providerStatus.length > 64) return { kind: 'malformed', problem: 'Status is empty or too long.' };
  const rawCode = plivoParam(params, 'ErrorCode');
  if (rawCode !== undefined && rawCode.length > 32) return { kind: 'malformed', problem: 'ErrorCode is too long.' };
  const status = mapPlivoStatus(providerStatus);
  // Plivo defines ErrorCode only for failed and undelivered messages; an empty or zero one means none.
  const errorCode = rawCode === undefined || rawCode === '' || /^0+$/.test(rawCode) ? null : rawCode;
  return {
    kind: 'status',
    dedupeKey: `status:${uuid}:${providerStatus.toLowerCase()}:${errorCode ?? ''}`,
    providerMessageId: uuid,
    providerStatus,
    status,
    errorCode,
    error: errorCode === null ? null : mapPlivoError({ code: errorCode }),
    from: from ?? null,
    to: to ?? null,
  };
}

/**
 * `Media<n>` URLs in order. Plivo's reference numbers them from 1 (`Media1`…), its support article
 * from 0 (`Media0`…), so both are read; the content type is not part of the callback.
 */
function readMedia(params: PlivoParams): InboundMedia[] {
  const media: InboundMedia[] = [];
  for (let index = 0; index <= MAX_MEDIA && media.length < MAX_MEDIA; index += 1) {
    const url = plivoParam(params, `Media${index}`);
    if (url !== undefined && url !== '') media.push({ url, contentType: null });
  }
  return media;
}
