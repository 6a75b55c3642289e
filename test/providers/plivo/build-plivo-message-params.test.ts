import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import {
  buildPlivoMessageParams,
  PLIVO_MAX_MEDIA_URLS,
  PLIVO_MAX_MESSAGE_EXPIRY_SECONDS,
  PLIVO_MIN_MESSAGE_EXPIRY_SECONDS,
} from '../../../src/providers/plivo/build-plivo-message-params';
import type { ResolvedPlivoSettings } from '../../../src/providers/plivo/parse-plivo-settings';
import { AUTH_ID, AUTH_TOKEN, POWERPACK_UUID, sendRequest } from './support/plivo-fixtures';

const settings = (overrides: Partial<ResolvedPlivoSettings> = {}): ResolvedPlivoSettings => ({
  authId: AUTH_ID,
  authToken: AUTH_TOKEN,
  from: '+14155550199',
  powerpackUuid: undefined,
  statusCallbackUrl: undefined,
  timeoutMs: 10_000,
  ...overrides,
});

function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('buildPlivoMessageParams', () => {
  it('sends digits only, from the configured sender', () => {
    expect(buildPlivoMessageParams(sendRequest(), settings())).toEqual({ src: '14155550199', dst: '14155552671', text: 'Your code is 482913' });
  });

  it("prefers the request's sender, then the configured one, then the Powerpack", () => {
    expect(buildPlivoMessageParams(sendRequest({ from: 'Ocelot' }), settings({ powerpackUuid: POWERPACK_UUID })).src).toBe('Ocelot');
    const powerpack = buildPlivoMessageParams(sendRequest(), settings({ from: undefined, powerpackUuid: POWERPACK_UUID }));
    expect(powerpack.powerpackUUID).toBe(POWERPACK_UUID);
    expect(powerpack).not.toHaveProperty('src');
    expect(buildPlivoMessageParams(sendRequest(), settings({ from: undefined }))).toEqual({ dst: '14155552671', text: 'Your code is 482913' });
  });

  it('makes media an MMS with a copy of the URLs', () => {
    const mediaUrls = ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.png'];
    const params = buildPlivoMessageParams(sendRequest({ mediaUrls }), settings());
    expect(params.type).toBe('mms');
    expect(params.media_urls).toEqual(mediaUrls);
    expect(params.media_urls).not.toBe(mediaUrls);
  });

  it('adds the message id to the status callback URL, called with POST', () => {
    const params = buildPlivoMessageParams(sendRequest(), settings({ statusCallbackUrl: 'https://hooks.example.com/plivo?tenant=a' }));
    expect(params.url).toBe('https://hooks.example.com/plivo?tenant=a&message_id=msg_01HZX4K8Q2');
    expect(params.method).toBe('POST');
  });

  it('rounds the validity period down and clamps it to 5–10799 s', () => {
    expect([PLIVO_MIN_MESSAGE_EXPIRY_SECONDS, PLIVO_MAX_MESSAGE_EXPIRY_SECONDS, PLIVO_MAX_MEDIA_URLS]).toEqual([5, 10_799, 10]);
    const expiry = (validityPeriodSeconds: number) => buildPlivoMessageParams(sendRequest({ validityPeriodSeconds }), settings()).messageExpiry;
    expect(expiry(600.9)).toBe(600);
    expect(expiry(1)).toBe(5);
    expect(expiry(86_400)).toBe(10_799);
    expect(buildPlivoMessageParams(sendRequest(), settings())).not.toHaveProperty('messageExpiry');
  });

  it('refuses sendAt, which Plivo cannot schedule', () => {
    const error = refusal(() => buildPlivoMessageParams(sendRequest({ sendAt: new Date(Date.now() + 60_000) }), settings()));
    expect(error.field).toBe('sendAt');
    expect(error.reason).toBe('INVALID_SEND_AT');
    expect(error.message).toContain('the Plivo Message API cannot schedule a message');
  });

  it('refuses more than 10 media URLs with Plivo named', () => {
    const error = refusal(() => buildPlivoMessageParams(sendRequest({ mediaUrls: Array.from({ length: 11 }, (_, i) => `https://cdn.example.com/${i}.jpg`) }), settings()));
    expect(error.field).toBe('mediaUrls');
    expect(error.message).toContain('has 11 URLs; Plivo accepts at most 10.');
  });
});
