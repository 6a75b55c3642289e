import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { buildTelnyxMessageParams, TELNYX_MAX_MEDIA_URLS } from '../../../src/providers/telnyx/build-telnyx-message-params';
import type { ResolvedTelnyxSettings } from '../../../src/providers/telnyx/parse-telnyx-settings';
import { API_KEY, FROM, MESSAGING_PROFILE_ID, TO, sendRequest } from './support/telnyx-fixtures';

const settings = (overrides: Partial<ResolvedTelnyxSettings> = {}): ResolvedTelnyxSettings => ({
  apiKey: API_KEY,
  from: FROM,
  messagingProfileId: undefined,
  webhookUrl: undefined,
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

describe('buildTelnyxMessageParams', () => {
  it('builds an SMS from the configured sender', () => {
    expect(buildTelnyxMessageParams(sendRequest(), settings())).toEqual({ to: TO, from: FROM, text: 'Your code is 482913', type: 'SMS' });
  });

  it("prefers the request's sender, adds the messaging profile, and may send from the profile alone", () => {
    expect(buildTelnyxMessageParams(sendRequest({ from: 'Ocelot' }), settings({ messagingProfileId: MESSAGING_PROFILE_ID }))).toMatchObject({
      from: 'Ocelot',
      messaging_profile_id: MESSAGING_PROFILE_ID,
    });
    const profileOnly = buildTelnyxMessageParams(sendRequest(), settings({ from: undefined, messagingProfileId: MESSAGING_PROFILE_ID }));
    expect(profileOnly).not.toHaveProperty('from');
    expect(profileOnly.messaging_profile_id).toBe(MESSAGING_PROFILE_ID);
  });

  it('makes media an MMS, leaving out an empty text', () => {
    const mediaUrls = ['https://cdn.example.com/a.jpg'];
    const params = buildTelnyxMessageParams(sendRequest({ body: '', mediaUrls }), settings());
    expect(params).toEqual({ to: TO, from: FROM, media_urls: mediaUrls, type: 'MMS' });
    expect(params.media_urls).not.toBe(mediaUrls);
  });

  it('adds the message id to the webhook URL and sends sendAt as ISO 8601', () => {
    const params = buildTelnyxMessageParams(
      sendRequest({ sendAt: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)) }),
      settings({ webhookUrl: 'https://hooks.example.com/telnyx' }),
    );
    expect(params.webhook_url).toBe('https://hooks.example.com/telnyx?message_id=msg_01HZX4K8Q2');
    expect(params.send_at).toBe('2030-01-02T03:04:05.000Z');
  });

  it('does not send a validity period, but still refuses an expired one', () => {
    expect(buildTelnyxMessageParams(sendRequest({ validityPeriodSeconds: 600 }), settings())).toEqual({ to: TO, from: FROM, text: 'Your code is 482913', type: 'SMS' });
    expect(refusal(() => buildTelnyxMessageParams(sendRequest({ validityPeriodSeconds: 0 }), settings())).field).toBe('validityPeriodSeconds');
  });

  it('refuses more than 10 media URLs, naming Telnyx and the webhook', () => {
    expect(TELNYX_MAX_MEDIA_URLS).toBe(10);
    const error = refusal(() => buildTelnyxMessageParams(sendRequest({ mediaUrls: Array.from({ length: 11 }, (_, i) => `https://cdn.example.com/${i}`) }), settings()));
    expect(error.message).toContain('has 11 URLs; Telnyx accepts at most 10.');
    expect(refusal(() => buildTelnyxMessageParams(sendRequest({ messageId: '' }), settings())).message).toContain('the webhook should carry');
  });
});
