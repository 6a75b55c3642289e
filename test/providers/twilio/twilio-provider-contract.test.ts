// The library's SmsProvider contract (src/testing/run-provider-contract.ts) run against the Twilio
// adapter, with nock answering the real twilio-node requests.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTwilioProvider } from '../../../src/providers/twilio';
import { runProviderContract } from '../../../src/testing/run-provider-contract';
import { nock, socketError } from '../../support/intercept-http';
import { ACCOUNT_SID, AUTH_TOKEN, BASIC_AUTH, FROM, MESSAGES_PATH, TWILIO_ORIGIN, twilioErrorBody, twilioMessage } from './support/twilio-fixtures';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

const post = () => nock(TWILIO_ORIGIN).post(MESSAGES_PATH);

// A deadline generous enough for a loaded CI machine, and a silent answer well beyond it.
runProviderContract({
  describe,
  it,
  name: 'twilio',
  createProvider: () => createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, timeoutMs: 1_500 }),
  secrets: [AUTH_TOKEN, BASIC_AUTH.slice('Basic '.length)],
  afterEach: () => {
    const used = nock.isDone();
    nock.abortPendingRequests();
    nock.cleanAll();
    if (!used) throw new Error('an interceptor was not used');
  },
  scenarios: {
    accepted: () => void post().reply(201, twilioMessage()),
    invalidRecipient: () => void post().reply(400, twilioErrorBody(21211, 400, "The 'To' number +14155552671 is not a valid phone number.")),
    optedOut: () => void post().reply(400, twilioErrorBody(21610, 400, 'Attempt to send to unsubscribed recipient')),
    authenticationFailed: () => void post().reply(401, twilioErrorBody(20003, 401, 'Authenticate')),
    rateLimited: () => void post().reply(429, twilioErrorBody(20429, 429, 'Too Many Requests'), { 'Retry-After': '1' }),
    unreachable: () => void post().replyWithError(socketError('ECONNREFUSED', 'connect')),
    noResponse: () => void post().delay(4_000).reply(201, twilioMessage()),
    serverError: () => void post().reply(500, twilioErrorBody(20500, 500, 'Internal Server Error')),
  },
});
