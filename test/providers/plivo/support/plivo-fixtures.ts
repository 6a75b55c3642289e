import type { ProviderSendRequest } from '../../../../src/providers/provider';

export const AUTH_ID = 'MAODUZYTQ5ZTMXNGYXNZ';
export const AUTH_TOKEN = 'ZDQ0MGFhNjUwMzY2YzJkZTE4NjlmNjBhNjE0ZjZm';
export const POWERPACK_UUID = 'd1c8a4f2-6b3e-4c9a-8f71-2e5d0b9a7c34';
export const FROM = '+14155550199';
export const TO = '+14155552671';
export const PLIVO_ORIGIN = 'https://api.plivo.com';
export const MESSAGE_PATH = `/v1/Account/${AUTH_ID}/Message/`;
export const BASIC_AUTH = `Basic ${Buffer.from(`${AUTH_ID}:${AUTH_TOKEN}`).toString('base64')}`;
export const MESSAGE_UUID = 'db3ce55a-7f1d-11e1-8ea7-1231380bc196';

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

/** The 202 of `POST …/Message/` (https://www.plivo.com/docs/messaging/api/message/send-a-message). */
export function plivoQueued(uuid: string = MESSAGE_UUID): Record<string, unknown> {
  return { api_id: 'db342550-7f1d-11e1-8ea7-1231380bc196', message: 'message(s) queued', message_uuid: [uuid] };
}

/** Plivo's error body: `{ api_id, error }` (https://www.plivo.com/docs/messaging/api/response). */
export function plivoError(error: string): Record<string, unknown> {
  return { api_id: '97ceeb52-58b6-11e1-86da-77300b68f8bb', error };
}
