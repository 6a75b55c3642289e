// Vonage for the shared suites (test/support/vendor-fixture.ts): the real @vonage/messages client
// answered by nock with the Messages API's documented bodies.
import { createVonageProvider } from '../../../../src/providers/vonage';
import type { VendorFixture } from '../../../support/vendor-fixture';
import { nock } from '../../../support/intercept-http';
import { API_SECRET, BASIC_AUTH, MESSAGES_PATH, MESSAGE_UUID, PRIVATE_KEY, SIGNATURE_SECRET, VONAGE_ORIGIN, accepted, jwtSettings, problemHeaders, vonageProblem } from './vonage-fixtures';

const WEBHOOK_URL = 'https://hooks.example.com/webhooks/vonage';

/** Vonage numbers come without `+` (https://developer.vonage.com/en/api/messages). */
const digits = (number: string) => number.replace(/^\+/, '');

export const fixture: VendorFixture = {
  id: 'vonage',
  secrets: [API_SECRET, BASIC_AUTH.slice('Basic '.length), PRIVATE_KEY.split('\n')[1] ?? PRIVATE_KEY, SIGNATURE_SECRET],
  createProvider: (options = {}) => createVonageProvider(jwtSettings(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs })),
  send: () => nock(VONAGE_ORIGIN).post(MESSAGES_PATH),
  reply: {
    accepted: (interceptor) => interceptor.reply(202, accepted),
    invalidRecipient: (interceptor) => interceptor.reply(422, vonageProblem('1430', 'Invalid recipient', 'The `to` parameter is invalid for the given channel.'), problemHeaders),
    optedOut: (interceptor) => interceptor.reply(422, vonageProblem('1240', 'Illegal Number', 'The recipient has opted out of messages from this sender.'), problemHeaders),
    authenticationFailed: (interceptor) =>
      interceptor.reply(401, vonageProblem('https://developer.vonage.com/api-errors#unauthorized', 'Invalid credentials supplied', 'You did not provide correct credentials.'), problemHeaders),
    rateLimited: (interceptor, headers = {}) =>
      interceptor.reply(429, vonageProblem('1010', 'Rate Limit Hit', 'Please wait, then retry your request'), { ...problemHeaders, ...headers }),
    serverError: (interceptor) => interceptor.reply(500, vonageProblem('1030', 'Internal error', 'There was an error processing your request in the Platform.'), problemHeaders),
  },
  acceptedMessageId: MESSAGE_UUID,
  providerCodes: { invalidRecipient: '1430', rateLimited: '1010', serverError: '1030' },
  webhook: {
    secret: SIGNATURE_SECRET,
    delivered: (providerMessageId) => ({
      url: `${WEBHOOK_URL}/status`,
      contentType: 'application/json',
      body: JSON.stringify({
        message_uuid: providerMessageId,
        to: '14155552671',
        from: '14155550199',
        timestamp: '2026-12-07T10:00:03.010Z',
        status: 'delivered',
        channel: 'sms',
        usage: { currency: 'EUR', price: '0.0333' },
      }),
    }),
    inbound: ({ from, to, body }) => ({
      url: `${WEBHOOK_URL}/inbound`,
      contentType: 'application/json',
      body: JSON.stringify({
        channel: 'sms',
        message_uuid: 'bbbbbbbb-cccc-dddd-eeee-0123456789ab',
        to: digits(to),
        from: digits(from),
        timestamp: '2026-12-07T10:00:00Z',
        text: body,
        message_type: 'text',
        sms: { num_messages: '1' },
      }),
    }),
  },
};
