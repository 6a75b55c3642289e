// The library's SmsProvider contract (src/testing/run-provider-contract.ts) run against the Telnyx
// adapter, with nock answering the real telnyx-node requests.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTelnyxProvider } from '../../../src/providers/telnyx';
import { runProviderContract } from '../../../src/testing/run-provider-contract';
import { nock, sleep, socketError } from '../../support/intercept-http';
import { API_KEY, FROM, MESSAGES_PATH, TELNYX_ORIGIN, telnyxErrorBody, telnyxMessage } from './support/telnyx-fixtures';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

const post = () => nock(TELNYX_ORIGIN).post(MESSAGES_PATH);

// A deadline generous enough for a loaded CI machine, and a silent answer well beyond it.
runProviderContract({
  describe,
  it,
  name: 'telnyx',
  createProvider: () => createTelnyxProvider({ apiKey: API_KEY, from: FROM, timeoutMs: 1_500 }),
  secrets: [API_KEY],
  afterEach: () => {
    const used = nock.isDone();
    nock.abortPendingRequests();
    nock.cleanAll();
    if (!used) throw new Error('an interceptor was not used');
  },
  scenarios: {
    accepted: () => void post().reply(200, telnyxMessage()),
    invalidRecipient: () => void post().reply(400, telnyxErrorBody('40310', 'Invalid to address', 'The to number +14155552671 is invalid')),
    optedOut: () => void post().reply(400, telnyxErrorBody('40300', 'Blocked due to STOP message')),
    authenticationFailed: () => void post().reply(401, telnyxErrorBody('10009', 'Authentication failed')),
    rateLimited: () => void post().reply(429, telnyxErrorBody('10011', 'Too many requests'), { 'Retry-After': '1' }),
    unreachable: () => void post().replyWithError(socketError('ECONNREFUSED', 'connect')),
    noResponse: () =>
      void post().reply(async () => {
        await sleep(4_000);
        return [200, telnyxMessage()];
      }),
    serverError: () => void post().reply(503, telnyxErrorBody('10007', 'Unexpected error')),
  },
});
