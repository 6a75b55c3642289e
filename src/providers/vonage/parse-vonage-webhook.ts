import type { InboundMedia } from '../../messages/inbound-message';
import { PROVIDER_ID_PATTERN, readAddress, readTimestamp, type ParsedWebhook } from '../kit/parsed-webhook';
import { mapVonageError } from './map-vonage-error';
import { mapVonageStatus } from './map-vonage-status';

type Json = Record<string, unknown>;

/** Channels this adapter sends and reads; WhatsApp, RCS, Viber… webhooks of the same application are ignored. */
const CHANNELS = new Set(['sms', 'mms']);
const MEDIA_TYPES = ['image', 'video', 'audio', 'vcard', 'file'] as const;

/**
 * Reads a verified Messages API webhook body (https://developer.vonage.com/en/api/messages#webhooks):
 * - a body with `status` is a message status: `message_uuid`, `status` (normalised with
 *   `mapVonageStatus`), `error` on `rejected`/`undeliverable` (classified with `mapVonageError`),
 *   deduped on uuid + status + error code, since Vonage sends no event id (docs/webhooks.md#duplicates);
 * - a body without `status` is an inbound message: `text` for SMS, the media object and its caption
 *   for MMS, deduped on `message_uuid`.
 * Numbers come without `+` (`447700900001`); MSISDNs of 9–15 digits get it back so they match the
 * E.164 numbers the library stores; short codes and alphanumeric senders stay as they are.
 *
 * @example
 * parseVonageWebhook(JSON.stringify({ message_uuid: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab', status: 'delivered', channel: 'sms', to: '14155552671', from: '14155550199' }));
 * // { kind: 'status', status: 'delivered', providerMessageId: 'aaaaaaaa-…', to: '+14155552671', … }
 */
export function parseVonageWebhook(text: string): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'malformed', problem: 'the body is not JSON.' };
  }
  const body = object(json);
  const messageId = body?.message_uuid;
  if (body === undefined || typeof messageId !== 'string') return { kind: 'malformed', problem: 'message_uuid is missing: this is not a Messages API webhook.' };
  if (!PROVIDER_ID_PATTERN.test(messageId)) return { kind: 'malformed', problem: 'message_uuid is malformed.' };
  const channel = body.channel;
  if (typeof channel === 'string' && !CHANNELS.has(channel)) {
    return { kind: 'ignored', reason: `Vonage ${channel.slice(0, 32)} webhooks are not SMS or MMS; this handler does not act on them.` };
  }
  const from = readNumber(body.from);
  const to = readNumber(body.to);

  if (body.status !== undefined) {
    const providerStatus = body.status;
    if (typeof providerStatus !== 'string' || providerStatus.length === 0 || providerStatus.length > 64) return { kind: 'malformed', problem: 'status is not a status name.' };
    const error = object(body.error) === undefined ? null : mapVonageError({ body: body.error });
    const errorCode = error?.providerCode ?? null;
    if (errorCode !== null && errorCode.length > 40) return { kind: 'malformed', problem: 'error.type is too long.' };
    return {
      kind: 'status',
      dedupeKey: `status:${messageId}:${providerStatus}:${errorCode ?? ''}`,
      providerMessageId: messageId,
      providerStatus,
      status: mapVonageStatus(providerStatus),
      errorCode,
      error,
      from: from ?? null,
      to: to ?? null,
    };
  }

  if (from === undefined || to === undefined) return { kind: 'malformed', problem: 'an inbound message needs from and to.' };
  const media = readMedia(body);
  const caption = media.length === 0 ? undefined : mediaCaption(body);
  return {
    kind: 'inbound',
    dedupeKey: `inbound:${messageId}`,
    providerMessageId: messageId,
    from,
    to,
    body: typeof body.text === 'string' ? body.text : (caption ?? ''),
    media,
    receivedAt: readTimestamp(body.timestamp),
    providerOptOut: null,
  };
}

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** `447700900001` → `+447700900001`; a short code, an alphanumeric id or an E.164 number stays as it is. */
function readNumber(value: unknown): string | undefined {
  const address = readAddress(value);
  if (address === undefined) return undefined;
  return /^[1-9]\d{8,14}$/.test(address) ? `+${address}` : address;
}

function readMedia(body: Json): InboundMedia[] {
  const type = body.message_type;
  if (typeof type !== 'string' || !(MEDIA_TYPES as readonly string[]).includes(type)) return [];
  const url = object(body[type])?.url;
  return typeof url === 'string' && url !== '' && url.length <= 2048 ? [{ url, contentType: null }] : [];
}

function mediaCaption(body: Json): string | undefined {
  const caption = object(body[String(body.message_type)])?.caption;
  return typeof caption === 'string' ? caption : undefined;
}
