import { generateKeyPairSync } from 'node:crypto';
import type { ProviderSendRequest } from '../../../../src/providers/provider';
import type { VonageProviderSettings } from '../../../../src/providers/vonage';

/** A fresh RSA key pair, as the Vonage Dashboard makes for an application (`private.key`). */
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const PRIVATE_KEY = keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
export const PUBLIC_KEY = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
export const APPLICATION_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
export const API_KEY = 'abcd1234';
export const API_SECRET = 'Q7xsecretT0p9Zq';
export const BASIC_AUTH = `Basic ${Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64')}`;
export const SIGNATURE_SECRET = 'XsA09z2MhUxYcdbXaUX3aTT7TzGmnCLfkdILf0NIyC9hN9criTEUdlI3OZ5hRjR';
export const FROM = '+14155550199';
export const TO = '+14155552671';
export const VONAGE_ORIGIN = 'https://api.nexmo.com';
export const MESSAGES_PATH = '/v1/messages';
export const MESSAGE_UUID = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

export const jwtSettings = (overrides: Partial<VonageProviderSettings> = {}): VonageProviderSettings => ({
  applicationId: APPLICATION_ID,
  privateKey: PRIVATE_KEY,
  from: FROM,
  ...overrides,
});

export const basicSettings = (overrides: Partial<VonageProviderSettings> = {}): VonageProviderSettings => ({
  apiKey: API_KEY,
  apiSecret: API_SECRET,
  from: FROM,
  ...overrides,
});

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

/** The 202 answer of `POST /v1/messages` (https://developer.vonage.com/en/api/messages). */
export const accepted = { message_uuid: MESSAGE_UUID };

/** An RFC 7807 problem as the Messages API sends it (https://developer.vonage.com/en/api-errors). */
export function vonageProblem(fragment: string, title: string, detail: string): Record<string, string> {
  return {
    type: fragment.startsWith('http') ? fragment : `https://developer.nexmo.com/api-errors/messages-olympus#${fragment}`,
    title,
    detail,
    instance: 'bf0ca0bf927b3b52e3cb03217e1a1ddf',
  };
}

export const problemHeaders = { 'Content-Type': 'application/problem+json' };
