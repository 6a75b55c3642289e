import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendWithFallback } from '../../examples/twilio-with-telnyx-fallback';
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
afterEach(() => nock.cleanAll());

describe('examples/twilio-with-telnyx-fallback.ts', () => {
  it('sends through Twilio when it accepts, with exactly one POST', async () => {
    const scope = nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(201, twilio.twilioMessage());
    const requests = recordRequests(scope);
    await expect(sendWithFallback('+14155552671', env)).resolves.toBe(`sent via twilio as ${twilio.MESSAGE_SID}: twilio sent; cost 0.0075 USD`);
    expect(requests).toHaveLength(1);
    expect(new URLSearchParams(requests[0]?.body).get('To')).toBe('+14155552671');
  });

  it('fails over to Telnyx when Twilio cannot be reached', async () => {
    nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).replyWithError(socketError('ECONNREFUSED', 'connect'));
    nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, telnyx.telnyxMessage());
    await expect(sendWithFallback('+14155552671', env)).resolves.toBe(
      `sent via telnyx as ${telnyx.MESSAGE_ID}: twilio not_sent (PROVIDER_ERROR), then telnyx sent; cost 0.0040 USD`,
    );
  });

  it('does not fail over when Twilio answers 500: the outcome is unknown', async () => {
    nock(twilio.TWILIO_ORIGIN).post(twilio.MESSAGES_PATH).reply(500, { code: 20500, message: 'Internal Server Error', status: 500 });
    const telnyxScope = nock(telnyx.TELNYX_ORIGIN).post(telnyx.MESSAGES_PATH).reply(200, telnyx.telnyxMessage());
    await expect(sendWithFallback('+14155552671', env)).resolves.toMatch(/^not sent: TIMEOUT\/PROVIDER_SERVER_ERROR \(outcome unknown: do not resend\)$/);
    expect(telnyxScope.isDone()).toBe(false);
  });
});
