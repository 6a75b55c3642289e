// The library's SmsProvider contract (src/testing/run-provider-contract.ts) run against the Plivo
// adapter, with nock answering the real plivo-node requests. No `optedOut` scenario: Plivo refuses an
// opted-out recipient only later, with ErrorCode 200 in the status callback (docs/plivo.md#errors).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runProviderContract } from '../../../src/testing/run-provider-contract';
import { nock, socketError } from '../../support/intercept-http';
import { fixture } from './support/plivo-vendor-fixture';
import { plivoQueued } from './support/plivo-fixtures';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

runProviderContract({
  describe,
  it,
  name: 'plivo',
  // A deadline generous enough for a loaded CI machine, and a silent answer well beyond it.
  createProvider: () => fixture.createProvider({ timeoutMs: 1_500 }),
  secrets: fixture.secrets,
  afterEach: () => {
    const used = nock.isDone();
    nock.abortPendingRequests();
    nock.cleanAll();
    if (!used) throw new Error('an interceptor was not used');
  },
  scenarios: {
    accepted: () => void fixture.reply.accepted(fixture.send()),
    invalidRecipient: () => void fixture.reply.invalidRecipient(fixture.send()),
    authenticationFailed: () => void fixture.reply.authenticationFailed(fixture.send()),
    rateLimited: () => void fixture.reply.rateLimited(fixture.send(), { 'Retry-After': '1' }),
    unreachable: () => void fixture.send().replyWithError(socketError('ECONNREFUSED', 'connect')),
    noResponse: () => void fixture.send().delay(4_000).reply(202, plivoQueued()),
    serverError: () => void fixture.reply.serverError(fixture.send()),
  },
});
