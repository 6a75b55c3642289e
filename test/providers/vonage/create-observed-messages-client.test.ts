import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createObservedMessagesClient } from '../../../src/providers/vonage/create-observed-messages-client';
import { loadVonageSdk } from '../../../src/providers/vonage/load-vonage-sdk';
import { nock, recordRequests } from '../../support/intercept-http';
import { APPLICATION_ID, MESSAGES_PATH, MESSAGE_UUID, PRIVATE_KEY, VONAGE_ORIGIN, accepted } from './support/vonage-fixtures';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

const message = { to: '14155552671', from: '14155550199', client_ref: 'msg_1', channel: 'sms', message_type: 'text', text: 'Hello' } as const;
const credentials = { kind: 'jwt', applicationId: APPLICATION_ID, privateKey: PRIVATE_KEY } as const;

/** The SDK's own class whose request building fails `failures` times, as a poisoned OpenSSL error queue makes the JWT's key parse fail once. */
async function flakyMessages(failures: number) {
  const Messages = await loadVonageSdk();
  let left = failures;
  let calls = 0;
  class Flaky extends Messages {
    override async prepareRequest(...args: Parameters<InstanceType<typeof Messages>['prepareRequest']>) {
      calls += 1;
      if (left > 0) {
        left -= 1;
        throw new Error('error:0680009B:asn1 encoding routines::too long');
      }
      return super.prepareRequest(...args);
    }
  }
  return { Messages: Flaky, calls: () => calls };
}

describe('createObservedMessagesClient', () => {
  it('sends one request with the SDK-built JWT', async () => {
    const scope = nock(VONAGE_ORIGIN).post(MESSAGES_PATH).reply(202, accepted);
    const requests = recordRequests(scope);
    const client = createObservedMessagesClient(await loadVonageSdk(), credentials, VONAGE_ORIGIN);
    await expect(client.send(message)).resolves.toMatchObject({ messageUUID: MESSAGE_UUID });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('authorization')).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(JSON.parse(requests[0]?.body ?? '{}')).toMatchObject({ to: message.to, text: 'Hello', client_ref: 'msg_1' });
  });

  it('builds the request a second time when the first build throws, and still sends once', async () => {
    const scope = nock(VONAGE_ORIGIN).post(MESSAGES_PATH).reply(202, accepted);
    const requests = recordRequests(scope);
    const flaky = await flakyMessages(1);
    const client = createObservedMessagesClient(flaky.Messages, credentials, VONAGE_ORIGIN);
    await expect(client.send(message)).resolves.toMatchObject({ messageUUID: MESSAGE_UUID });
    expect(flaky.calls()).toBe(2);
    expect(requests).toHaveLength(1);
  });

  it('reports a second build failure, with nothing written', async () => {
    const scope = nock(VONAGE_ORIGIN).post(MESSAGES_PATH).reply(202, accepted);
    const flaky = await flakyMessages(2);
    const client = createObservedMessagesClient(flaky.Messages, credentials, VONAGE_ORIGIN);
    await expect(client.send(message)).rejects.toThrow(/asn1 encoding routines/);
    expect(flaky.calls()).toBe(2);
    expect(scope.isDone()).toBe(false);
  });
});
