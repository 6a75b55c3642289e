/**
 * The slice of a plivo-node client the adapter uses, typed structurally so this package's public types
 * never import `plivo` (an optional peer that may not be installed). A real `new plivo.Client(authId,
 * authToken)` satisfies it (checked in the tests).
 */
export interface PlivoClientLike {
  readonly messages: {
    create(params: PlivoMessageCreateParams): Promise<PlivoMessageResponseLike>;
    /** `GET /v1/Account/{auth_id}/Message/{message_uuid}/` (https://www.plivo.com/docs/messaging/api/message/retrieve-a-message). */
    get(messageUuid: string): Promise<PlivoMessageRecordLike>;
    /**
     * `GET /v1/Account/{auth_id}/Message/` with `params` as the query string
     * (https://www.plivo.com/docs/messaging/api/message/list-all-messages). plivo-node's typings say one
     * `MessageListResponse`, but `dist/resources/messages.js` resolves an array of them with `meta` attached.
     */
    list(params: PlivoMessageListParams): Promise<PlivoMessageListLike>;
  };
}

/**
 * A Message Detail Record as plivo-node hands it over: the API's snake_case keys camel-cased by its
 * request wrapper (`dist/rest/utils.js`, `camelCaseRequestWrapper`), values untouched. Plivo returns no
 * message text (https://www.plivo.com/docs/messaging/api/messages/, the Message object).
 */
export interface PlivoMessageRecordLike {
  readonly messageUuid?: unknown;
  readonly messageState?: unknown;
  readonly messageDirection?: unknown;
  readonly messageTime?: unknown;
  readonly fromNumber?: unknown;
  readonly toNumber?: unknown;
  readonly errorCode?: unknown;
}

/** The filters the adapter passes to `messages.list`; plivo-node keeps `message_time__gte`/`__lte` as they are. */
export interface PlivoMessageListParams {
  message_direction: 'outbound';
  message_time__gte: string;
  message_time__lte: string;
  to_number: string;
  from_number?: string;
  limit: number;
  offset: number;
}

/** The page `messages.list` resolves: the records, and the API's `meta` (`next` is null on the last page). */
export type PlivoMessageListLike = readonly PlivoMessageRecordLike[] & { readonly meta?: { readonly next?: unknown } };

/**
 * The one-object form of plivo-node's `MessageInterface#create` (`dist/resources/messages.js`): it
 * copies these keys into the JSON body of `POST /v1/Account/{auth_id}/Message/`, snake-cased by its
 * request wrapper (`powerpackUUID` → `powerpack_uuid`, `messageExpiry` → `message_expiry`).
 */
export interface PlivoMessageCreateParams {
  /** The sender; exactly one of `src` and `powerpackUUID`. */
  src?: string;
  powerpackUUID?: string;
  dst: string;
  text: string;
  /** `sms` (the default) or `mms`. */
  type?: 'sms' | 'mms';
  media_urls?: string[];
  /** Status callback URL and its method. */
  url?: string;
  method?: 'POST';
  /** Seconds Plivo may keep the message queued (5–10799). */
  messageExpiry?: number;
}

/**
 * plivo-node's `MessageResponse` for a 202: `{ apiId, message: 'message(s) queued', messageUuid: [uuid] }`
 * (https://www.plivo.com/docs/messaging/api/message/send-a-message).
 */
export interface PlivoMessageResponseLike {
  readonly apiId?: string;
  readonly message?: string;
  readonly messageUuid?: readonly string[] | string;
}
