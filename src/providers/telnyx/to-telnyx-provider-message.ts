import type { ProviderMessage } from '../provider';
import { mapTelnyxStatus } from './map-telnyx-status';
import type { TelnyxMessageRetrieveResponse } from './telnyx-client-like';

/**
 * The `data` of `GET /v2/messages/{id}` (https://developers.telnyx.com/api-reference/messages/retrieve-a-message)
 * as a `ProviderMessage`: the first recipient's `to[].status` through the adapter's status table,
 * `text` as the body, `received_at` ("when the message request was received") as the creation time,
 * the first `errors[].code` as the provider code. Undefined without `data.id`.
 *
 * @example
 * toTelnyxProviderMessage(await client.messages.retrieve(id))?.status; // 'delivered'
 */
export function toTelnyxProviderMessage(response: TelnyxMessageRetrieveResponse | null | undefined): ProviderMessage | undefined {
  const data = response?.data as MessagePayload | null | undefined;
  if (typeof data?.id !== 'string' || data.id === '') return undefined;
  const recipient = Array.isArray(data.to) ? (data.to[0] as Recipient | undefined) : typeof data.to === 'string' ? { phone_number: data.to } : undefined;
  const from = typeof data.from === 'string' ? data.from : data.from?.phone_number;
  const entry = Array.isArray(data.errors) ? data.errors.find((candidate) => typeof candidate?.code === 'string' && candidate.code !== '') : undefined;
  const code = entry === undefined || entry === null ? undefined : String(entry.code);
  const created = typeof data.received_at === 'string' && !Number.isNaN(Date.parse(data.received_at)) ? new Date(data.received_at).toISOString() : null;
  return {
    providerMessageId: data.id,
    status: typeof recipient?.status === 'string' ? mapTelnyxStatus(recipient.status) : 'unknown',
    to: typeof recipient?.phone_number === 'string' ? recipient.phone_number : '',
    from: typeof from === 'string' && from !== '' ? from : null,
    body: typeof data.text === 'string' ? data.text : null,
    createdAt: created,
    providerCode: code ?? null,
  };
}

interface Recipient {
  readonly phone_number?: unknown;
  readonly status?: unknown;
}

/** The fields read, as loose as the outbound and inbound payloads of telnyx-node `MessageRetrieveResponse`. */
interface MessagePayload {
  readonly id?: unknown;
  readonly to?: unknown;
  readonly from?: { readonly phone_number?: unknown } | string | null;
  readonly text?: unknown;
  readonly received_at?: unknown;
  readonly errors?: ReadonlyArray<{ readonly code?: unknown } | null> | null;
}
