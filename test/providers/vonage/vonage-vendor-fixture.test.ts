// The fixture the shared suites run over, checked against the adapter before they rely on it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../../../src/errors/sms-error';
import { vonageDefinition } from '../../../src/providers/vonage';
import { nock } from '../../support/intercept-http';
import { sendRequest } from './support/vonage-fixtures';
import { fixture } from './support/vonage-vendor-fixture';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const failure = async (): Promise<SmsError> => {
  const error = await fixture.createProvider().send(sendRequest()).then(() => undefined, (thrown: unknown) => thrown);
  if (!SmsError.isInstance(error)) throw new Error('expected an SmsError');
  return error;
};

describe('the Vonage vendor fixture', () => {
  it('accepted carries acceptedMessageId', async () => {
    fixture.reply.accepted(fixture.send());
    await expect(fixture.createProvider().send(sendRequest())).resolves.toMatchObject({ providerMessageId: fixture.acceptedMessageId });
  });

  it('each refusal carries the provider code the fixture names', async () => {
    fixture.reply.invalidRecipient(fixture.send());
    expect(await failure()).toMatchObject({ code: 'VALIDATION_ERROR', providerCode: fixture.providerCodes.invalidRecipient });
    if (fixture.reply.optedOut === undefined) throw new Error('the Vonage fixture refuses opted-out numbers at create');
    fixture.reply.optedOut(fixture.send());
    expect(await failure()).toMatchObject({ reason: 'OPTED_OUT' });
    fixture.reply.authenticationFailed(fixture.send());
    expect(await failure()).toMatchObject({ code: 'AUTH_ERROR' });
    fixture.reply.rateLimited(fixture.send(), { 'Retry-After': '3' });
    expect(await failure()).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 3000, providerCode: fixture.providerCodes.rateLimited });
    fixture.reply.serverError(fixture.send());
    expect(await failure()).toMatchObject({ outcomeUnknown: true, providerCode: fixture.providerCodes.serverError });
  });

  it('its webhooks, signed with its secret, verify and read as a delivery and an inbound message', async () => {
    const configured = vonageDefinition.webhook.configure({ signatureSecret: fixture.webhook.secret }, 'f');
    const read = async (payload: { url: string; body: string; contentType: string }) => {
      const signed = vonageDefinition.webhook.sign({ url: payload.url, body: payload.body, secret: fixture.webhook.secret });
      const request = new Request(signed.url, { method: 'POST', headers: { ...signed.headers, 'content-type': payload.contentType }, body: payload.body });
      return configured.read(request, Buffer.from(payload.body), { now: () => Date.now() });
    };

    expect(await read(fixture.webhook.delivered(fixture.acceptedMessageId))).toMatchObject({ valid: true, parsed: { kind: 'status', status: 'delivered', providerMessageId: fixture.acceptedMessageId } });
    expect(await read(fixture.webhook.inbound({ from: '+14155552671', to: '+14155550199', body: 'HELP' }))).toMatchObject({
      valid: true,
      parsed: { kind: 'inbound', from: '+14155552671', to: '+14155550199', body: 'HELP' },
    });
  });
});
