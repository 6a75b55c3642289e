// Every built-in vendor, from BUILT_IN_PROVIDERS: its definition is complete and coherent, and the
// provider contract (src/testing/run-provider-contract.ts) holds for its adapter through its official
// SDK, with nock answering as the vendor documents. A new vendor joins by its fixture
// (test/support/vendor-fixture.ts), without editing this file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PROVIDERS, findBuiltInProvider, listBuiltInProviders } from '../../src/providers/built-in-providers';
import { DEFAULT_PRICING } from '../../src/providers/default-pricing';
import { runProviderContract } from '../../src/testing/run-provider-contract';
import { nock, sleep, socketError } from '../support/intercept-http';
import { loadVendorFixtures } from '../support/vendor-fixture';

const fixtures = await loadVendorFixtures(BUILT_IN_PROVIDERS.map((definition) => definition.id));
const root = join(import.meta.dirname, '..', '..');

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('BUILT_IN_PROVIDERS', () => {
  it('has one test fixture per vendor, and no fixture without a vendor', () => {
    expect(fixtures.map((fixture) => fixture.id)).toEqual(BUILT_IN_PROVIDERS.map((definition) => definition.id));
  });

  it('lists the ids for messages', () => {
    expect(listBuiltInProviders()).toMatch(/^"twilio", "telnyx"|^"twilio" or "telnyx"/);
    expect(findBuiltInProvider('twilio')?.displayName).toBe('Twilio');
    expect(findBuiltInProvider('toString')).toBeUndefined();
  });

  describe.each(BUILT_IN_PROVIDERS.map((definition) => [definition.id, definition] as const))('%s', (id, definition) => {
    it('lives in its own folder, with its public entry, docs page and SDK', () => {
      expect(existsSync(join(root, 'src', 'providers', id, 'index.ts'))).toBe(true);
      expect(existsSync(join(root, definition.docsPage))).toBe(true);
      expect(existsSync(join(root, 'node_modules', definition.sdkPackage, 'package.json'))).toBe(true);
    });

    it('names an environment variable for every setting, each with its vendor prefix', () => {
      const variables = Object.values(definition.environment);
      expect(variables.length).toBeGreaterThan(0);
      for (const variable of variables) expect(variable).toMatch(new RegExp(`^${id.toUpperCase()}_[A-Z_]+$`));
      expect(new Set(variables).size).toBe(variables.length);
    });

    it('finds the problems of empty settings without throwing, naming settings only', () => {
      const problems = definition.findSettingsProblems({});
      expect(problems.length).toBeGreaterThan(0);
      for (const { setting } of problems) expect(typeof setting).toBe('string');
    });

    it('prices a segment from its definition, with a source and a date', () => {
      expect(DEFAULT_PRICING[id]).toEqual({ currency: definition.pricing.currency, perSegment: definition.pricing.perSegment });
      expect(definition.pricing.perSegment).toMatch(/^\d+\.\d+$/);
      expect(definition.pricing.source).not.toBe('');
      expect(definition.pricing.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('claims its own signed webhooks, even behind a proxy that adds Authorization, and no other vendor does', () => {
      const fixture = fixtures.find((each) => each.id === id);
      if (fixture === undefined) throw new Error(`no fixture for ${id}`);
      const webhook = fixture.webhook.delivered(fixture.acceptedMessageId);
      const signed = definition.webhook.sign({ url: webhook.url, body: webhook.body, secret: fixture.webhook.secret });
      const variants: Array<Record<string, string>> = [{}, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJnYXRld2F5In0.c2ln' }];
      for (const extra of variants) {
        const headers = new Headers({ ...signed.headers, ...(signed.headers['authorization'] === undefined ? extra : {}) });
        expect(BUILT_IN_PROVIDERS.filter((each) => each.webhook.claims(headers)).map((each) => each.id), JSON.stringify(extra)).toEqual([id]);
      }
      expect(definition.webhook.claims(new Headers({ 'content-type': webhook.contentType }))).toBe(false);
      expect(definition.webhook.signatureHeaders.length).toBeGreaterThan(0);
    });
  });
});

for (const fixture of fixtures) {
  runProviderContract({
    describe,
    it,
    name: fixture.id,
    // A deadline generous enough for a loaded CI machine, and a silent answer well beyond it.
    createProvider: () => fixture.createProvider({ timeoutMs: 1_500 }),
    secrets: fixture.secrets,
    afterEach: () => {
      const used = nock.isDone();
      const pending = nock.pendingMocks();
      nock.abortPendingRequests();
      nock.cleanAll();
      if (!used) throw new Error(`an interceptor was not used: ${pending.join(', ')}`);
    },
    scenarios: {
      accepted: () => void fixture.reply.accepted(fixture.send()),
      invalidRecipient: () => void fixture.reply.invalidRecipient(fixture.send()),
      ...(fixture.reply.optedOut === undefined ? {} : { optedOut: () => void fixture.reply.optedOut?.(fixture.send()) }),
      authenticationFailed: () => void fixture.reply.authenticationFailed(fixture.send()),
      rateLimited: () => void fixture.reply.rateLimited(fixture.send(), { 'Retry-After': '1' }),
      unreachable: () => void fixture.send().replyWithError(socketError('ECONNREFUSED', 'connect')),
      noResponse: () =>
        void fixture.send().reply(async () => {
          await sleep(4_000);
          return [500, ''];
        }),
      serverError: () => void fixture.reply.serverError(fixture.send()),
    },
  });
}
