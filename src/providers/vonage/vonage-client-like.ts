/**
 * The slice of a `@vonage/messages` `Messages` client the adapter uses, typed structurally so this
 * package's public types never import `@vonage/messages` (an optional peer that may not be installed).
 */
export interface VonageMessagesClientLike {
  send(message: VonageMessageParams): Promise<{ readonly messageUUID?: unknown }>;
}

/**
 * The JSON body of `POST /v1/messages` the adapter sends, in the API's own snake_case (the SDK's
 * serializer keeps snake_case keys as they are): an SMS text, or an MMS image with a caption
 * (https://developer.vonage.com/en/api/messages; docs/vonage.md#what-one-send-does).
 */
export type VonageMessageParams = VonageSmsParams | VonageMmsImageParams;

interface VonageCommonParams {
  to: string;
  from: string;
  client_ref: string;
  ttl?: number;
}

export interface VonageSmsParams extends VonageCommonParams {
  channel: 'sms';
  message_type: 'text';
  text: string;
}

export interface VonageMmsImageParams extends VonageCommonParams {
  channel: 'mms';
  message_type: 'image';
  image: { url: string; caption?: string };
}
