/**
 * The slice of a plivo-node client the adapter uses, typed structurally so this package's public types
 * never import `plivo` (an optional peer that may not be installed). A real `new plivo.Client(authId,
 * authToken)` satisfies it (checked in the tests).
 */
export interface PlivoClientLike {
  readonly messages: {
    create(params: PlivoMessageCreateParams): Promise<PlivoMessageResponseLike>;
  };
}

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
