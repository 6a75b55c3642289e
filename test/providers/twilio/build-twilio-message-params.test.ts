import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import {
  buildTwilioMessageParams,
  TWILIO_MAX_MEDIA_URLS,
  TWILIO_MAX_VALIDITY_PERIOD_SECONDS,
  TWILIO_MIN_VALIDITY_PERIOD_SECONDS,
} from '../../../src/providers/twilio/build-twilio-message-params';
import type { ResolvedTwilioSettings } from '../../../src/providers/twilio/parse-twilio-settings';
import { ACCOUNT_SID, AUTH_TOKEN, FROM, MESSAGING_SERVICE_SID, TO, sendRequest } from './support/twilio-fixtures';

const settings = (overrides: Partial<ResolvedTwilioSettings> = {}): ResolvedTwilioSettings => ({
  accountSid: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  from: FROM,
  messagingServiceSid: undefined,
  statusCallbackUrl: undefined,
  client: undefined,
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

describe('buildTwilioMessageParams', () => {
  it('builds the create parameters from the configured sender', () => {
    expect(buildTwilioMessageParams(sendRequest(), settings())).toEqual({ to: TO, from: FROM, body: 'Your code is 482913' });
  });

  it("prefers the request's sender and adds the Messaging Service", () => {
    expect(buildTwilioMessageParams(sendRequest({ from: 'Ocelot' }), settings({ messagingServiceSid: MESSAGING_SERVICE_SID }))).toEqual({
      to: TO,
      from: 'Ocelot',
      messagingServiceSid: MESSAGING_SERVICE_SID,
      body: 'Your code is 482913',
    });
    expect(buildTwilioMessageParams(sendRequest(), settings({ from: undefined, messagingServiceSid: MESSAGING_SERVICE_SID }))).not.toHaveProperty('from');
  });

  it('sends media as a copied mediaUrl list and leaves out an empty body', () => {
    const mediaUrls = ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.jpg'];
    const params = buildTwilioMessageParams(sendRequest({ body: '', mediaUrls }), settings());
    expect(params).toEqual({ to: TO, from: FROM, mediaUrl: mediaUrls });
    expect(params.mediaUrl).not.toBe(mediaUrls);
  });

  it('adds the message id to the status callback', () => {
    expect(buildTwilioMessageParams(sendRequest(), settings({ statusCallbackUrl: 'https://hooks.example.com/twilio' })).statusCallback).toBe(
      'https://hooks.example.com/twilio?message_id=msg_01HZX4K8Q2',
    );
  });

  it('rounds the validity period down and clamps it to 1–36000 s', () => {
    expect([TWILIO_MIN_VALIDITY_PERIOD_SECONDS, TWILIO_MAX_VALIDITY_PERIOD_SECONDS, TWILIO_MAX_MEDIA_URLS]).toEqual([1, 36_000, 10]);
    const validity = (validityPeriodSeconds: number) => buildTwilioMessageParams(sendRequest({ validityPeriodSeconds }), settings()).validityPeriod;
    expect(validity(59.9)).toBe(59);
    expect(validity(0.5)).toBe(1);
    expect(validity(86_400)).toBe(36_000);
    expect(refusal(() => validity(0)).field).toBe('validityPeriodSeconds');
  });

  it('schedules through a Messaging Service only', () => {
    const sendAt = new Date(Date.UTC(2030, 0, 1));
    expect(buildTwilioMessageParams(sendRequest({ sendAt }), settings({ messagingServiceSid: MESSAGING_SERVICE_SID }))).toMatchObject({ sendAt, scheduleType: 'fixed' });
    const error = refusal(() => buildTwilioMessageParams(sendRequest({ sendAt }), settings()));
    expect(error.field).toBe('sendAt');
    expect(error.reason).toBe('SCHEDULING_REQUIRES_MESSAGING_SERVICE');
    expect(error.message).toContain('configure messagingServiceSid (TWILIO_MESSAGING_SERVICE_SID)');
  });

  it('refuses more than 10 media URLs with Twilio named', () => {
    const error = refusal(() => buildTwilioMessageParams(sendRequest({ mediaUrls: Array.from({ length: 11 }, (_, i) => `https://cdn.example.com/${i}`) }), settings()));
    expect(error.message).toContain('has 11 URLs; Twilio accepts at most 10.');
  });
});
