import { describe, expect, it } from 'vitest';
import { sendReportingAttempt } from '../../src/failover/send-reporting-attempt';
import type { SendAttempt } from '../../src/messages/send-attempt';
import type { ProviderSendRequest, SmsProvider } from '../../src/providers/provider';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

const request: ProviderSendRequest = { messageId: 'message-1', to: '+14155550123', body: 'Hello', mediaUrls: [], encoding: 'GSM-7', segments: 1 };

function steppingClock(step: number) {
  let now = 0;
  return { now: () => (now += step) - step };
}

describe('sendReportingAttempt', () => {
  it('reports one sent attempt for a plain adapter with its duration and names the provider in the result', async () => {
    const attempts: SendAttempt[] = [];
    const result = await sendReportingAttempt(createFakeProvider({ id: 'twilio' }), request, { onAttempt: (attempt) => attempts.push(attempt) }, steppingClock(40));
    expect(result).toMatchObject({ providerMessageId: 'twilio-1', provider: 'twilio' });
    expect(attempts).toEqual([{ provider: 'twilio', outcome: 'sent', errorCode: null, errorReason: null, providerCode: null, durationMs: 40 }]);
  });

  it('reports a failed attempt and rethrows the SmsError', async () => {
    const attempts: SendAttempt[] = [];
    const provider = createFakeProvider({ id: 'telnyx', outcomes: [{ type: 'reject', providerCode: '40310', code: 'VALIDATION_ERROR', reason: 'INVALID_PHONE_NUMBER' }] });
    await expect(sendReportingAttempt(provider, request, { onAttempt: (attempt) => attempts.push(attempt) }, steppingClock(5))).rejects.toMatchObject({ code: 'VALIDATION_ERROR', provider: 'telnyx' });
    expect(attempts).toEqual([{ provider: 'telnyx', outcome: 'not_sent', errorCode: 'VALIDATION_ERROR', errorReason: 'INVALID_PHONE_NUMBER', providerCode: '40310', durationMs: 5 }]);
  });

  it('turns a plain thrown error into an outcome-unknown SmsError', async () => {
    const attempts: SendAttempt[] = [];
    const broken: SmsProvider = { specificationVersion: 'v1', id: 'custom', send: () => Promise.reject(new TypeError('boom')) };
    await expect(sendReportingAttempt(broken, request, { onAttempt: (attempt) => attempts.push(attempt) }, steppingClock(1))).rejects.toMatchObject({ code: 'PROVIDER_ERROR', reason: 'UNCLASSIFIED_PROVIDER_ERROR', outcomeUnknown: true, provider: 'custom' });
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['unknown']);
  });

  it('adds nothing when the provider reported its own attempts, and keeps a provider named in the result', async () => {
    const attempts: SendAttempt[] = [];
    const decorator: SmsProvider = {
      specificationVersion: 'v1',
      id: 'failover',
      send: (_request, options) => {
        options?.onAttempt?.({ provider: 'twilio', outcome: 'sent', errorCode: null, errorReason: null, providerCode: null, durationMs: 1 });
        return Promise.resolve({ providerMessageId: 'SM1', status: 'queued', provider: 'twilio' });
      },
    };
    const result = await sendReportingAttempt(decorator, request, { onAttempt: (attempt) => attempts.push(attempt) }, steppingClock(1));
    expect(result.provider).toBe('twilio');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.provider).toBe('twilio');
  });

  it('works without options', async () => {
    await expect(sendReportingAttempt(createFakeProvider({ id: 'x' }), request, undefined, steppingClock(1))).resolves.toMatchObject({ provider: 'x' });
  });
});
