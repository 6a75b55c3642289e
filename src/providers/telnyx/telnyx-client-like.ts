/**
 * The slice of a telnyx-node client the adapter uses, typed structurally so this package's public
 * types never import `telnyx` (an optional peer that may not be installed). A real `new Telnyx({ apiKey })`
 * client satisfies it (checked in the tests).
 */
export interface TelnyxClientLike {
  readonly messages: {
    send(params: TelnyxMessageSendParams, options?: TelnyxRequestOptions): PromiseLike<TelnyxMessageSendResponse>;
    /** `GET /v2/messages/{id}` (https://developers.telnyx.com/api-reference/messages/retrieve-a-message), for `fetchMessage`. */
    retrieve?(id: string, options?: TelnyxRequestOptions): PromiseLike<TelnyxMessageRetrieveResponse>;
  };
  /** `GET /v2/detail_records` (https://developers.telnyx.com/api-reference/detail-records/search-detail-records), for `findMessages`. */
  readonly detailRecords?: {
    list(query: TelnyxDetailRecordQuery, options?: TelnyxRequestOptions): PromiseLike<{ readonly data?: readonly unknown[] }>;
  };
}

/**
 * The `GET /v2/messages/{id}` answer, `{ data: OutboundMessagePayload | InboundMessagePayload }`; `data`
 * is read field by field (`toTelnyxProviderMessage`) because the two payloads differ (`to` is an array
 * or a string).
 */
export interface TelnyxMessageRetrieveResponse {
  readonly data?: unknown;
}

/**
 * The query of `GET /v2/detail_records` for messaging records (deepObject `filter[...]`, `sort`,
 * `page[size]` at most 50; https://developers.telnyx.com/api-reference/detail-records/search-detail-records).
 */
export interface TelnyxDetailRecordQuery {
  filter: {
    record_type: 'messaging';
    direction?: 'outbound';
    cld?: string;
    cli?: string;
    created_at?: { gte?: string; lt?: string };
  };
  sort?: string[];
  'page[size]'?: number;
}

/**
 * The JSON body of `POST /v2/messages` the adapter sends (telnyx-node
 * `src/resources/messages/messages.ts` `MessageSendParams`; docs/telnyx.md#what-one-send-does).
 */
export interface TelnyxMessageSendParams {
  to: string;
  from?: string;
  text?: string;
  media_urls?: string[];
  type?: 'SMS' | 'MMS';
  messaging_profile_id?: string;
  webhook_url?: string;
  send_at?: string;
}

/** Per-request options of the Stainless client the adapter sets on every send. */
export interface TelnyxRequestOptions {
  signal?: AbortSignal;
  timeout?: number;
  maxRetries?: number;
}

/** The fields of the `POST /v2/messages` response the adapter reads. */
export interface TelnyxMessageSendResponse {
  readonly data?: {
    readonly id?: string;
    readonly to?: ReadonlyArray<{ readonly status?: string }>;
    readonly from?: { readonly phone_number?: string } | null;
    readonly parts?: number;
  };
}
