/**
 * The slice of a twilio-node client the adapter uses, typed structurally so this package's public
 * types never import `twilio` (an optional peer that may not be installed). A real
 * `twilio(accountSid, authToken)` client satisfies it (checked in the tests).
 */
export interface TwilioClientLike {
  readonly messages: {
    create(params: TwilioMessageCreateParams): Promise<TwilioMessageLike>;
  };
}

/**
 * The parameters the adapter passes to `client.messages.create` (twilio-node
 * `src/rest/api/v2010/account/message.ts` `MessageListInstanceCreateOptions`, which maps them to the
 * form fields `To`, `From`, `MessagingServiceSid`, `Body`, `MediaUrl`, `StatusCallback`,
 * `ValidityPeriod`, `SendAt`, `ScheduleType`).
 */
export interface TwilioMessageCreateParams {
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body?: string;
  mediaUrl?: string[];
  statusCallback?: string;
  validityPeriod?: number;
  sendAt?: Date;
  scheduleType?: 'fixed';
}

/** The fields of twilio-node's `MessageInstance` the adapter reads. */
export interface TwilioMessageLike {
  readonly sid: string;
  readonly status: string;
  readonly from?: string | null;
  readonly numSegments?: string | null;
}

/**
 * The read side of twilio-node's `client.messages` the reconciliation methods use: the list is
 * callable (`client.messages(sid).fetch()`, GET `…/Messages/{Sid}.json`) and has `page()` (one GET of
 * `…/Messages.json`); https://www.twilio.com/docs/messaging/api/message-resource. Not part of
 * {@link TwilioClientLike} so a structural client with only `create` still sends.
 */
export interface TwilioReadableMessagesLike {
  (sid: string): { fetch(): Promise<TwilioMessageReadLike> };
  page(params: TwilioMessagePageParams): Promise<{ readonly instances: readonly TwilioMessageReadLike[] }>;
}

/**
 * twilio-node `MessageListInstancePageOptions`: `To`, `From`, `DateSent>`, `DateSent<`, `PageSize`.
 * The dates are typed `Date` by the SDK, but its `serialize.iso8601DateTime` passes any other value
 * through unchanged (`lib/base/serialize.js`), which is how the documented `YYYY-MM-DD` form is sent.
 */
export interface TwilioMessagePageParams {
  to?: string;
  from?: string;
  dateSentAfter?: Date;
  dateSentBefore?: Date;
  pageSize?: number;
}

/** The fields of twilio-node's `MessageInstance` that `fetchMessage` and `findMessages` read. */
export interface TwilioMessageReadLike {
  readonly sid: string;
  readonly status: string;
  readonly to?: string | null;
  readonly from?: string | null;
  readonly body?: string | null;
  readonly direction?: string | null;
  readonly dateCreated?: Date | null;
  readonly errorCode?: number | string | null;
}
