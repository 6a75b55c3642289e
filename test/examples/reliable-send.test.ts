import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendReliably } from '../../examples/reliable-send';
import { createInMemoryEventPublisher } from '../../src/events/in-memory-event-publisher';
import { nock, recordRequests, socketError } from '../support/intercept-http';
import * as telnyx from '../providers/telnyx/support/telnyx-fixtures';
import * as twilio from '../providers/twilio/support/twilio-fixtures';

const env = {
  TWILIO_ACCOUNT_SID: twilio.ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: twilio.AUTH_TOKEN,
  TWILIO_PHONE_NUMBER: twilio.FROM,
  TELNYX_API_KEY: telnyx.API_KEY,
  TELNYX_PHONE_NUMBER: telnyx.FROM,
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
});

describe('examples/reliable-send.ts', () => {
  it('both rate-limited: retries after the shorter Retry-After, then replays the result for the same key: one message', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const scope = nock(twilio.TWILIO_ORIGIN)
      .post(twilio.MESSAGES_PATH)
      .reply(429, twilio.twilioErrorBody(20429, 429, 'Too Many Requests'), { 'Retry-After': '1' })
      .post(twilio.MESSAGES_PATH)
      .reply(201, twilio.twilioMessage());
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(429, telnyx.telnyxErrorBody('10011', 'Too many requests'), { 'Retry-After': '2' });
    const requests = recordRequests(scope);
    const telnyxRequests = recordRequests(telnyxScope);
    // Fake time moves only for the retry's wait, by the delay its sms.retrying event announced.
    const events = createInMemoryEventPublisher();
    const delays: number[] = [];
    events.subscribe('sms.retrying', (event) => void delays.push(event.data.delay_ms));
    let report: string[] | undefined;
    void sendReliably('+14155552671', 'order-42', env, events).then((lines) => (report = lines));
    while (delays.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(delays[0] as number);
    while (report === undefined) await new Promise((resolve) => setImmediate(resolve));
    expect(report).toEqual([
      'retrying twilio in 1000 ms after RATE_LIMITED/RATE_LIMITED (attempt 2)',
      `first send: queued via twilio as ${twilio.MESSAGE_SID} (twilio not_sent, then telnyx not_sent, then twilio sent)`,
      `same key again: queued via twilio as ${twilio.MESSAGE_SID} (twilio not_sent, then telnyx not_sent, then twilio sent)`,
      'health: ok (twilio closed, telnyx closed)',
    ]);
    expect(requests).toHaveLength(2);
    expect(telnyxRequests).toHaveLength(1);
  });

  it('fails over to Telnyx when Twilio cannot be reached', async () => {
    nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).replyWithError(socketError('ECONNREFUSED', 'connect'));
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, telnyx.telnyxMessage());
    const requests = recordRequests(telnyxScope);
    const report = await sendReliably('+14155552671', 'order-43', env);
    expect(report[0]).toBe(`first send: queued via telnyx as ${telnyx.MESSAGE_ID} (twilio not_sent, then telnyx sent)`);
    expect(report[1]).toBe(report[0]?.replace('first send', 'same key again'));
    expect(requests).toHaveLength(1);
  });

  it('reports an unknown outcome and never resends it', async () => {
    const scope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).times(3).reply(500, twilio.twilioErrorBody(20500, 500, 'Internal Server Error'));
    const requests = recordRequests(scope);
    const report = await sendReliably('+14155552671', 'order-44', env);
    expect(report.slice(0, 2)).toEqual([
      'first send: TIMEOUT/PROVIDER_SERVER_ERROR (outcome unknown: do not resend)',
      'same key again: TIMEOUT/PROVIDER_SERVER_ERROR (outcome unknown: do not resend)',
    ]);
    expect(requests).toHaveLength(1);
  });
});
