import type { ProviderSendRequest } from '../../../../src/providers/provider';

export const ACCOUNT_SID = 'AC3f9a2c41d07e4b8a9c15e62d8b7f0a13';
export const AUTH_TOKEN = '7c2e9f41a8b3d6e05f1a4c9b2d8e7f63';
export const MESSAGING_SERVICE_SID = 'MG0d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a';
export const FROM = '+14155550199';
export const TO = '+14155552671';
export const TWILIO_ORIGIN = 'https://api.twilio.com';
export const MESSAGES_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
export const BASIC_AUTH = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
export const MESSAGE_SID = 'SM9b2e4d6f8a0c1e3f5a7b9d1f3e5c7a9b';

export function sendRequest(overrides: Partial<ProviderSendRequest> = {}): ProviderSendRequest {
  return {
    messageId: 'msg_01HZX4K8Q2',
    to: TO,
    body: 'Your code is 482913',
    mediaUrls: [],
    encoding: 'GSM-7',
    segments: 1,
    ...overrides,
  };
}

/**
 * A Message resource as `POST …/Messages.json` returns it (shape of twilio.com/docs/messaging/api/message-resource;
 * the create answers 201 with status `queued`, or `accepted`/`scheduled` through a Messaging Service).
 */
export function twilioMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    account_sid: ACCOUNT_SID,
    api_version: '2010-04-01',
    body: 'Your code is 482913',
    date_created: 'Thu, 21 Nov 2024 05:01:45 +0000',
    date_sent: null,
    date_updated: 'Thu, 21 Nov 2024 05:01:45 +0000',
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: FROM,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid: MESSAGE_SID,
    status: 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}/Media.json` },
    to: TO,
    uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}.json`,
    ...overrides,
  };
}

/** Twilio's documented error body: `{ code, message, more_info, status }`. */
export function twilioErrorBody(code: number, status: number, message: string): Record<string, unknown> {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}
