import { mapTwilioError } from './map-twilio-error';
import { mapTwilioStatus } from './map-twilio-status';
import type { OptOutAction } from '../../messages/opt-out-action';
import type { TwilioParams } from './compute-twilio-signature';
import type { InboundMedia } from '../../messages/inbound-message';
import { firstParam } from '../kit/parse-form-params';
import { PROVIDER_ID_PATTERN, readAddress, type ParsedWebhook } from '../kit/parsed-webhook';

/** Twilio delivers at most 10 media items per message (docs/twilio.md#mms). */
const MAX_MEDIA = 10;

/** Twilio Advanced Opt-Out's `OptOutType` values (docs/webhooks.md#opt-outs). */
const OPT_OUT_TYPES: Readonly<Record<string, OptOutAction>> = { STOP: 'opt-out', START: 'opt-in', HELP: 'help' };

/**
 * Reads a verified Twilio messaging webhook (form parameters). A status callback carries
 * `MessageStatus` (normalised with `mapTwilioStatus`, `ErrorCode` classified with `mapTwilioError`);
 * an inbound message carries `SmsStatus=received` or a `Body` without a status, with `From`, `To`,
 * `NumMedia`, `MediaUrl{N}` and `MediaContentType{N}`. The dedupe key is the signed content, never the
 * `I-Twilio-Idempotency-Token` header: the signature does not cover headers, so a replay could carry
 * any token, and Twilio's signature has no timestamp (docs/webhooks.md#duplicates: `MessageSid:MessageStatus:ErrorCode`).
 *
 * @example
 * parseTwilioWebhook({ MessageSid: 'SM…', MessageStatus: 'undelivered', ErrorCode: '30003' });
 * // { kind: 'status', status: 'undelivered', errorCode: '30003', error: SmsError(…), … }
 */
export function parseTwilioWebhook(params: TwilioParams): ParsedWebhook {
  const sid = firstParam(params, 'MessageSid') ?? firstParam(params, 'SmsSid') ?? firstParam(params, 'SmsMessageSid');
  if (sid === undefined || !PROVIDER_ID_PATTERN.test(sid)) return { kind: 'malformed', problem: 'MessageSid is missing or malformed: this is not a Twilio messaging webhook.' };
  const providerStatus = firstParam(params, 'MessageStatus') ?? firstParam(params, 'SmsStatus');
  if (providerStatus !== undefined && (providerStatus.length === 0 || providerStatus.length > 64)) return { kind: 'malformed', problem: 'MessageStatus is empty or too long.' };
  const status = providerStatus === undefined ? undefined : mapTwilioStatus(providerStatus);
  const from = readAddress(firstParam(params, 'From'));
  const to = readAddress(firstParam(params, 'To'));
  const body = firstParam(params, 'Body');

  if (status === 'received' || (providerStatus === undefined && body !== undefined)) {
    if (from === undefined || to === undefined) return { kind: 'malformed', problem: 'an inbound message needs From and To.' };
    const optOutType = firstParam(params, 'OptOutType')?.toUpperCase();
    return {
      kind: 'inbound',
      dedupeKey: `inbound:${sid}`,
      providerMessageId: sid,
      from,
      to,
      body: body ?? '',
      media: readMedia(params),
      receivedAt: null,
      providerOptOut: optOutType !== undefined && Object.hasOwn(OPT_OUT_TYPES, optOutType) ? { action: OPT_OUT_TYPES[optOutType] as OptOutAction, keyword: optOutType } : null,
    };
  }
  if (providerStatus === undefined || status === undefined) return { kind: 'malformed', problem: 'there is neither a MessageStatus nor a Body: this is not a Twilio messaging webhook.' };

  const rawCode = firstParam(params, 'ErrorCode');
  if (rawCode !== undefined && rawCode.length > 32) return { kind: 'malformed', problem: 'ErrorCode is too long.' };
  const errorCode = rawCode === undefined || rawCode === '' ? null : rawCode;
  return {
    kind: 'status',
    dedupeKey: `status:${sid}:${providerStatus.toLowerCase()}:${errorCode ?? ''}`,
    providerMessageId: sid,
    providerStatus,
    status,
    errorCode,
    error: errorCode === null ? null : mapTwilioError({ code: errorCode }),
    from: from ?? null,
    to: to ?? null,
  };
}

function readMedia(params: TwilioParams): InboundMedia[] {
  const declared = firstParam(params, 'NumMedia');
  const count = declared !== undefined && /^\d{1,3}$/.test(declared) ? Math.min(Number(declared), MAX_MEDIA) : MAX_MEDIA;
  const media: InboundMedia[] = [];
  for (let index = 0; index < count; index += 1) {
    const url = firstParam(params, `MediaUrl${index}`);
    if (url === undefined || url === '') {
      if (declared === undefined) break;
      continue;
    }
    const contentType = firstParam(params, `MediaContentType${index}`);
    media.push({ url, contentType: contentType === undefined || contentType === '' ? null : contentType });
  }
  return media;
}
