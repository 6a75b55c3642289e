// Plivo for the shared suites (test/support/vendor-fixture.ts): the adapter, nock replies shaped like
// Plivo's documented answers, and webhooks as Plivo posts them (form-encoded, numbers without `+`).
import { createPlivoProvider } from '../../../../src/providers/plivo';
import type { VendorFixture } from '../../../support/vendor-fixture';
import { nock } from '../../../support/intercept-http';
import { AUTH_ID, AUTH_TOKEN, BASIC_AUTH, FROM, MESSAGE_PATH, MESSAGE_UUID, PLIVO_ORIGIN, plivoError, plivoQueued } from './plivo-fixtures';

const digits = (address: string): string => (address.startsWith('+') ? address.slice(1) : address);

export const fixture: VendorFixture = {
  id: 'plivo',
  secrets: [AUTH_TOKEN, BASIC_AUTH.slice('Basic '.length)],
  createProvider: (options = {}) => createPlivoProvider({ authId: AUTH_ID, authToken: AUTH_TOKEN, from: FROM, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) }),
  send: () => nock(PLIVO_ORIGIN).post(MESSAGE_PATH),
  reply: {
    accepted: (interceptor) => interceptor.reply(202, plivoQueued()),
    // Plivo gives no code: its `error` names the refused parameter (`dst`), which the adapter's table
    // (src/providers/plivo/map-plivo-error.ts) reports as `invalid_dst`; the exact wording is not documented.
    invalidRecipient: (interceptor) => interceptor.reply(400, plivoError("invalid 'dst' parameter")),
    // No optedOut: Plivo accepts the create (202) and fails the message later with ErrorCode 200 in the
    // status callback (https://docs.plivo.com/docs/messaging/concepts/dnd-service/); there is no create-time
    // refusal to imitate, so the shared contract skips that scenario for Plivo.
    // The error values of https://docs.plivo.com/docs/messaging/api/response ("Common Errors").
    authenticationFailed: (interceptor) => interceptor.reply(401, plivoError('authentication_failed')),
    rateLimited: (interceptor, headers = {}) => interceptor.reply(429, plivoError('rate_limit_exceeded'), headers),
    serverError: (interceptor) => interceptor.reply(500, plivoError('internal server error')),
  },
  acceptedMessageId: MESSAGE_UUID,
  providerCodes: { invalidRecipient: 'invalid_dst', rateLimited: null, serverError: null },
  webhook: {
    secret: AUTH_TOKEN,
    delivered: (providerMessageId) => ({
      url: 'https://hooks.example.com/webhooks/sms?message_id=msg_01HZX4K8Q2',
      body: new URLSearchParams({
        MessageUUID: providerMessageId,
        Status: 'delivered',
        From: digits(FROM),
        To: '14155552671',
        Type: 'sms',
        Units: '1',
        TotalRate: '0.00770',
        TotalAmount: '0.00770',
        MCC: '310',
        MNC: '260',
        ErrorCode: '',
        Sequence: '2',
      }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    }),
    inbound: ({ from, to, body }) => ({
      url: 'https://hooks.example.com/webhooks/sms',
      body: new URLSearchParams({
        From: digits(from),
        To: digits(to),
        Type: 'sms',
        Text: body,
        MessageUUID: '2f6e6a0c-1b7d-11f0-9c4e-0242ac110003',
        Units: '1',
        TotalRate: '0.00000',
        TotalAmount: '0.00000',
        MessageIntent: '',
      }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    }),
  },
};
