import type { SmsErrorReason } from '../errors/error-reason';
import assert from 'node:assert/strict';
import { SmsError } from '../errors/sms-error';
import { MESSAGE_STATUSES } from '../messages/message-status';
import type { ProviderSendRequest, SmsProvider } from '../providers/provider';
import type { ContractTestApi } from './contract-test-api';

/**
 * Arranges what the provider's next `send()` meets: a nock interceptor for an HTTP adapter, an
 * enqueued outcome for a fake. Each runs right before the one send of its test.
 */
export type ProviderScenario = () => void | Promise<void>;

export interface ProviderContractOptions extends ContractTestApi {
  /** Name shown in the suite title. */
  name: string;
  /** Makes the provider under test (called once per test). */
  createProvider: () => SmsProvider | Promise<SmsProvider>;
  /** The request each test sends; defaults to a GSM-7 message to +14155552671. */
  request?: ProviderSendRequest;
  /** Strings that must never appear in an error's message or JSON (credentials). */
  secrets?: readonly string[];
  /** Runs after each test, e.g. to check that every interceptor was used (`nock.isDone()`). */
  afterEach?: () => void | Promise<void>;
  scenarios: {
    /** The provider accepts the message. Required. */
    accepted: ProviderScenario;
    /** The provider refuses the recipient (invalid number): a request fault, not sent. */
    invalidRecipient?: ProviderScenario;
    /** The recipient opted out (STOP): a request fault, not sent. */
    optedOut?: ProviderScenario;
    /** The credentials are refused: AUTH_ERROR, a provider fault, not sent. */
    authenticationFailed?: ProviderScenario;
    /** The provider rate-limits the request (429): not sent, retryable, with retryAfterMs. */
    rateLimited?: ProviderScenario;
    /** The provider cannot be reached (connection refused): not sent, retryable. */
    unreachable?: ProviderScenario;
    /** The request went out but no answer came (timeout): outcome unknown. */
    noResponse?: ProviderScenario;
    /** The provider answers 5xx to the create: outcome unknown. */
    serverError?: ProviderScenario;
  };
}

const defaultRequest: ProviderSendRequest = {
  messageId: 'contract-message-1',
  to: '+14155552671',
  from: '+14155550100',
  body: 'Contract test: do not log this body',
  mediaUrls: [],
  encoding: 'GSM-7',
  segments: 1,
};

/**
 * The behaviour every `SmsProvider` must have: the built-in adapters, the fake, and your own adapter.
 * It checks the spec's shape, the accepted result, and for each failure scenario the three facts the
 * library's failover depends on: the taxonomy code, whose fault it is, and whether the message may
 * have been sent. Errors must never leak the body, the full numbers or the credentials.
 *
 * @example
 * import { describe, it } from 'vitest';
 * const fake = createFakeProvider();
 * runProviderContract({
 *   describe, it, name: 'fake', createProvider: () => fake,
 *   scenarios: { accepted: () => fake.enqueue('accept'), unreachable: () => fake.enqueue('fail-before-send') },
 * });
 */
export function runProviderContract(options: ProviderContractOptions): void {
  const { describe, it, scenarios } = options;
  const request = options.request ?? defaultRequest;

  const sendFailing = async (arrange: ProviderScenario): Promise<SmsError> => {
    const provider = await options.createProvider();
    await arrange();
    let thrown: unknown;
    try {
      await provider.send(request);
    } catch (error) {
      thrown = error;
    } finally {
      await options.afterEach?.();
    }
    assert.ok(SmsError.isInstance(thrown), `expected send() to reject with an SmsError, got ${String(thrown)}`);
    assert.equal(thrown.provider, provider.id, 'the error names the provider');
    const exposed = `${thrown.message} ${JSON.stringify(thrown)}`;
    assert.ok(!exposed.includes(request.body), 'the error must not contain the message body');
    assert.ok(!exposed.includes(request.to), 'the error must not contain the full destination number');
    for (const secret of options.secrets ?? []) assert.ok(!exposed.includes(secret), 'the error must not contain a credential');
    return thrown;
  };

  const notSent = (error: SmsError) => assert.equal(error.outcomeUnknown, false, 'a refusal before sending is not outcome unknown');

  describe(`SmsProvider contract: ${options.name}`, () => {
    it('implements spec v1 with a stable id', async () => {
      const provider = await options.createProvider();
      assert.equal(provider.specificationVersion, 'v1');
      assert.equal(typeof provider.id, 'string');
      assert.ok(provider.id.length > 0);
      assert.equal(typeof provider.send, 'function');
      const maxMediaUrls = provider.capabilities?.maxMediaUrls;
      if (maxMediaUrls !== undefined) assert.ok(Number.isSafeInteger(maxMediaUrls) && maxMediaUrls >= 0);
    });

    it('resolves an accepted message with the provider id and a normalised status', async () => {
      const provider = await options.createProvider();
      await scenarios.accepted();
      try {
        const result = await provider.send(request);
        assert.equal(typeof result.providerMessageId, 'string');
        assert.ok(result.providerMessageId.length > 0);
        assert.ok((MESSAGE_STATUSES as readonly string[]).includes(result.status), `status ${result.status} is not normalised`);
      } finally {
        await options.afterEach?.();
      }
    });

    const requestFault = (name: string, scenario: ProviderScenario | undefined, reason?: SmsErrorReason) => {
      if (scenario === undefined) return;
      it(`refuses ${name} as a request fault, not sent, never to fail over`, async () => {
        const error = await sendFailing(scenario);
        assert.equal(error.code, 'VALIDATION_ERROR');
        assert.equal(error.fault, 'request');
        assert.equal(error.retryable, false);
        if (reason !== undefined) assert.equal(error.reason, reason);
        notSent(error);
      });
    };
    requestFault('an invalid recipient', scenarios.invalidRecipient);
    requestFault('an opted-out recipient', scenarios.optedOut, 'OPTED_OUT');

    if (scenarios.authenticationFailed !== undefined) {
      const scenario = scenarios.authenticationFailed;
      it('reports refused credentials as AUTH_ERROR, a provider fault, not sent', async () => {
        const error = await sendFailing(scenario);
        assert.equal(error.code, 'AUTH_ERROR');
        assert.equal(error.fault, 'provider');
        notSent(error);
      });
    }

    if (scenarios.rateLimited !== undefined) {
      const scenario = scenarios.rateLimited;
      it('reports a rate limit as RATE_LIMITED, retryable, not sent, with retryAfterMs', async () => {
        const error = await sendFailing(scenario);
        assert.equal(error.code, 'RATE_LIMITED');
        assert.equal(error.retryable, true);
        assert.equal(error.fault, 'provider');
        assert.ok(typeof error.retryAfterMs === 'number' && error.retryAfterMs >= 0, 'retryAfterMs is a number of milliseconds');
        notSent(error);
      });
    }

    if (scenarios.unreachable !== undefined) {
      const scenario = scenarios.unreachable;
      it('reports an unreachable provider as not sent, retryable, a provider fault', async () => {
        const error = await sendFailing(scenario);
        assert.equal(error.fault, 'provider');
        assert.equal(error.retryable, true);
        notSent(error);
      });
    }

    const unknown = (name: string, scenario: ProviderScenario | undefined) => {
      if (scenario === undefined) return;
      it(`reports ${name} as outcome unknown, never retryable`, async () => {
        const error = await sendFailing(scenario);
        assert.equal(error.outcomeUnknown, true);
        assert.equal(error.retryable, false);
      });
    };
    unknown('a response that never arrives', scenarios.noResponse);
    unknown('a 5xx answer to the create', scenarios.serverError);
  });
}
