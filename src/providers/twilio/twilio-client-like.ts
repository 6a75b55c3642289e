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
