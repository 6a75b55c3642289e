import { mapTelnyxError } from './map-telnyx-error';
import { mapTelnyxStatus } from './map-telnyx-status';
import type { InboundMedia } from '../../messages/inbound-message';
import { PROVIDER_ID_PATTERN, readAddress, readTimestamp, type ParsedWebhook } from '../kit/parsed-webhook';

const STATUS_EVENTS = new Set(['message.sent', 'message.finalized', 'message.read']);
const MAX_MEDIA = 10;

type Json = Record<string, unknown>;

/**
 * Reads a verified Telnyx webhook body (`{ data: { id, event_type, occurred_at, payload }, meta }`).
 * `message.sent`, `message.finalized` and `message.read` are status callbacks: the status is
 * `payload.to[0].status` (normalised with `mapTelnyxStatus`), the error `payload.errors[]` (classified
 * with `mapTelnyxError`), deduped on the event id `data.id` (docs/webhooks.md#duplicates).
 * `message.received` is an inbound message, deduped on the message id `payload.id`. Other event types
 * are ignored.
 *
 * @example
 * parseTelnyxWebhook(JSON.stringify({ data: { id: 'e1', event_type: 'message.finalized', payload: { id: 'm1', to: [{ status: 'delivered' }] } } }));
 * // { kind: 'status', status: 'delivered', providerMessageId: 'm1', dedupeKey: 'event:e1', … }
 */
export function parseTelnyxWebhook(text: string): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'malformed', problem: 'the body is not JSON.' };
  }
  const data = object(object(json)?.data);
  const eventType = data?.event_type;
  if (data === undefined || typeof eventType !== 'string') return { kind: 'malformed', problem: 'data.event_type is missing: this is not a Telnyx webhook.' };
  if (eventType !== 'message.received' && !STATUS_EVENTS.has(eventType)) {
    return { kind: 'ignored', reason: `Telnyx event ${eventType.slice(0, 64)} is not a messaging event this handler acts on.` };
  }
  const payload = object(data.payload);
  const messageId = payload?.id;
  if (payload === undefined || typeof messageId !== 'string' || !PROVIDER_ID_PATTERN.test(messageId)) return { kind: 'malformed', problem: 'data.payload.id is missing or malformed.' };
  const eventId = typeof data.id === 'string' && PROVIDER_ID_PATTERN.test(data.id) ? data.id : undefined;
  const recipients = Array.isArray(payload.to) ? payload.to.map(object) : [];
  const recipient = recipients[0];
  const from = readAddress(object(payload.from)?.phone_number);

  if (eventType === 'message.received') {
    const to = typeof payload.to === 'string' ? readAddress(payload.to) : readAddress(recipient?.phone_number);
    if (from === undefined || to === undefined) return { kind: 'malformed', problem: 'an inbound message needs from.phone_number and to.' };
    const text = typeof payload.text === 'string' ? payload.text : typeof object(payload.body)?.text === 'string' ? (object(payload.body)?.text as string) : '';
    return {
      kind: 'inbound',
      dedupeKey: `inbound:${messageId}`,
      providerMessageId: messageId,
      from,
      to,
      body: text,
      media: readMedia(payload.media),
      receivedAt: readTimestamp(payload.received_at) ?? readTimestamp(data.occurred_at),
      providerOptOut: null,
    };
  }

  const declared = recipient?.status;
  const providerStatus = typeof declared === 'string' && declared.length > 0 && declared.length <= 64 ? declared : eventType === 'message.sent' ? 'sent' : eventType === 'message.read' ? 'read' : undefined;
  if (providerStatus === undefined) return { kind: 'malformed', problem: 'data.payload.to[0].status is missing.' };
  const errors = Array.isArray(payload.errors) ? payload.errors.slice(0, 10) : [];
  const error = errors.length === 0 ? null : mapTelnyxError({ body: { errors } });
  const errorCode = error?.providerCode ?? null;
  if (errorCode !== null && errorCode.length > 32) return { kind: 'malformed', problem: 'data.payload.errors[].code is too long.' };
  return {
    kind: 'status',
    dedupeKey: eventId === undefined ? `status:${messageId}:${providerStatus}:${errorCode ?? ''}` : `event:${eventId}`,
    providerMessageId: messageId,
    providerStatus,
    status: mapTelnyxStatus(providerStatus),
    errorCode,
    error,
    from: from ?? null,
    to: readAddress(recipient?.phone_number) ?? null,
  };
}

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function readMedia(value: unknown): InboundMedia[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, MAX_MEDIA)
    .map(object)
    .flatMap((item) => {
      const url = item?.url;
      if (typeof url !== 'string' || url === '') return [];
      const contentType = item?.content_type;
      return [{ url, contentType: typeof contentType === 'string' && contentType !== '' ? contentType : null }];
    });
}
