import { createTelnyxProvider } from '../../../../src/providers/telnyx';
import { nock } from '../../../support/intercept-http';
import type { VendorFixture } from '../../../support/vendor-fixture';
import { API_KEY, FROM, MESSAGE_ID, MESSAGES_PATH, TELNYX_ORIGIN, telnyxErrorBody, telnyxMessage } from './telnyx-fixtures';

/** Telnyx for the shared suites: POST /v2/messages, its documented errors, signed JSON events. */
export const fixture: VendorFixture = {
  id: 'telnyx',
  secrets: [API_KEY],
  createProvider: (options = {}) => createTelnyxProvider({ apiKey: API_KEY, from: FROM, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) }),
  send: () => nock(TELNYX_ORIGIN).post(MESSAGES_PATH),
  reply: {
    accepted: (interceptor) => interceptor.reply(200, telnyxMessage()),
    invalidRecipient: (interceptor) => interceptor.reply(400, telnyxErrorBody('40310', 'Invalid to address', 'The to number +14155552671 is invalid')),
    optedOut: (interceptor) => interceptor.reply(400, telnyxErrorBody('40300', 'Blocked due to STOP message')),
    authenticationFailed: (interceptor) => interceptor.reply(401, telnyxErrorBody('10009', 'Authentication failed')),
    rateLimited: (interceptor, headers = {}) => interceptor.reply(429, telnyxErrorBody('10011', 'Too many requests'), headers),
    serverError: (interceptor) => interceptor.reply(503, telnyxErrorBody('10007', 'Unexpected error')),
  },
  acceptedMessageId: MESSAGE_ID,
  providerCodes: { invalidRecipient: '40310', rateLimited: '10011', serverError: '10007' },
  webhook: {
    secret: Buffer.alloc(32, 0x2a).toString('base64'),
    delivered: (providerMessageId) => ({
      url: 'https://hooks.example.com/webhooks/sms',
      contentType: 'application/json',
      body: JSON.stringify({
        data: {
          event_type: 'message.finalized',
          id: `event-finalized-${providerMessageId}`,
          occurred_at: '2026-01-01T00:00:00.000+00:00',
          payload: { id: providerMessageId, direction: 'outbound', from: { phone_number: FROM }, to: [{ phone_number: '+14155552671', status: 'delivered' }], errors: [], record_type: 'message', type: 'SMS' },
          record_type: 'event',
        },
        meta: { attempt: 1, delivered_to: 'https://hooks.example.com/webhooks/sms' },
      }),
    }),
    inbound: ({ from, to, body }) => ({
      url: 'https://hooks.example.com/webhooks/sms',
      contentType: 'application/json',
      body: JSON.stringify({
        data: {
          event_type: 'message.received',
          id: 'event-received-inbound-1',
          occurred_at: '2026-01-01T00:00:00.000+00:00',
          payload: { id: 'b0c7e8cb-6227-4c74-9f32-c7f80c30934b', direction: 'inbound', from: { phone_number: from }, to: [{ phone_number: to, status: 'webhook_delivered' }], text: body, media: [], received_at: '2025-12-31T23:59:59.000+00:00', record_type: 'message', type: 'SMS' },
          record_type: 'event',
        },
        meta: { attempt: 1, delivered_to: 'https://hooks.example.com/webhooks/sms' },
      }),
    }),
  },
};
