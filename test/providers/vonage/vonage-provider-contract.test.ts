// The library's SmsProvider contract (src/testing/run-provider-contract.ts) run against the Vonage
// adapter, with nock answering the real @vonage/messages requests.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createVonageProvider } from '../../../src/providers/vonage';
import { runProviderContract } from '../../../src/testing/run-provider-contract';
import { nock, sleep, socketError } from '../../support/intercept-http';
import { API_SECRET, BASIC_AUTH, MESSAGES_PATH, VONAGE_ORIGIN, accepted, basicSettings, jwtSettings, problemHeaders, vonageProblem } from './support/vonage-fixtures';
import { fixture } from './support/vonage-vendor-fixture';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

const post = () => nock(VONAGE_ORIGIN).post(MESSAGES_PATH);
const afterEach = () => {
  const used = nock.isDone();
  nock.abortPendingRequests();
  nock.cleanAll();
  if (!used) throw new Error('an interceptor was not used');
};

// A deadline generous enough for a loaded CI machine, and a silent answer well beyond it.
const scenarios = {
  accepted: () => void post().reply(202, accepted),
  invalidRecipient: () => void post().reply(422, vonageProblem('1430', 'Invalid recipient', 'The `to` parameter is invalid for the given channel.'), problemHeaders),
  optedOut: () => void post().reply(422, vonageProblem('1240', 'Illegal Number', 'The recipient has opted out'), problemHeaders),
  authenticationFailed: () => void post().reply(401, vonageProblem('https://developer.vonage.com/api-errors#unauthorized', 'Invalid credentials supplied', 'You did not provide correct credentials.'), problemHeaders),
  rateLimited: () => void post().reply(429, vonageProblem('1010', 'Rate Limit Hit', 'Please wait, then retry your request'), { ...problemHeaders, 'Retry-After': '1' }),
  unreachable: () => void post().replyWithError(socketError('ECONNREFUSED', 'connect')),
  // Headers that never come within the deadline (nock's .delay() holds back the body end, which trips
  // Node 20's bundled undici when aborted: see create-telnyx-provider.test.ts).
  noResponse: () =>
    void post().reply(async () => {
      await sleep(4_000);
      return [202, accepted];
    }),
  serverError: () => void post().reply(500, vonageProblem('1030', 'Internal error', 'There was an error processing your request'), problemHeaders),
};

runProviderContract({ describe, it, name: 'vonage (JWT)', createProvider: () => createVonageProvider(jwtSettings({ timeoutMs: 1_500 })), secrets: fixture.secrets, afterEach, scenarios });

runProviderContract({
  describe,
  it,
  name: 'vonage (Basic)',
  createProvider: () => createVonageProvider(basicSettings({ timeoutMs: 1_500 })),
  secrets: [API_SECRET, BASIC_AUTH.slice('Basic '.length)],
  afterEach,
  scenarios,
});
