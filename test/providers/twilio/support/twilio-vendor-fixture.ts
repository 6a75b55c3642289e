import { createTwilioProvider } from '../../../../src/providers/twilio';
import { nock } from '../../../support/intercept-http';
import type { VendorFixture } from '../../../support/vendor-fixture';
import { ACCOUNT_SID, AUTH_TOKEN, BASIC_AUTH, FROM, MESSAGE_SID, MESSAGES_PATH, TWILIO_ORIGIN, twilioErrorBody, twilioMessage } from './twilio-fixtures';

const form = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** Twilio for the shared suites: the Messages create, its documented errors, form-encoded callbacks. */
export const fixture: VendorFixture = {
  id: 'twilio',
  secrets: [AUTH_TOKEN, BASIC_AUTH.slice('Basic '.length)],
  createProvider: (options = {}) => createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) }),
  send: () => nock(TWILIO_ORIGIN).post(MESSAGES_PATH),
  reply: {
    accepted: (interceptor) => interceptor.reply(201, twilioMessage()),
    invalidRecipient: (interceptor) => interceptor.reply(400, twilioErrorBody(21211, 400, "The 'To' number +14155552671 is not a valid phone number.")),
    optedOut: (interceptor) => interceptor.reply(400, twilioErrorBody(21610, 400, 'Attempt to send to unsubscribed recipient')),
    authenticationFailed: (interceptor) => interceptor.reply(401, twilioErrorBody(20003, 401, 'Authenticate')),
    rateLimited: (interceptor, headers = {}) => interceptor.reply(429, twilioErrorBody(20429, 429, 'Too Many Requests'), headers),
    serverError: (interceptor) => interceptor.reply(500, twilioErrorBody(20500, 500, 'Internal Server Error')),
  },
  acceptedMessageId: MESSAGE_SID,
  providerCodes: { invalidRecipient: '21211', rateLimited: '20429', serverError: '20500' },
  webhook: {
    secret: AUTH_TOKEN,
    delivered: (providerMessageId) => ({
      url: 'https://hooks.example.com/webhooks/sms?message_id=ignored',
      contentType: 'application/x-www-form-urlencoded',
      body: form({ AccountSid: ACCOUNT_SID, ApiVersion: '2010-04-01', MessageSid: providerMessageId, SmsSid: providerMessageId, MessageStatus: 'delivered', SmsStatus: 'delivered', From: FROM, To: '+14155552671' }),
    }),
    inbound: ({ from, to, body }) => ({
      url: 'https://hooks.example.com/webhooks/sms',
      contentType: 'application/x-www-form-urlencoded',
      body: form({ AccountSid: ACCOUNT_SID, ApiVersion: '2010-04-01', MessageSid: 'SM11111111111111111111111111111111', SmsMessageSid: 'SM11111111111111111111111111111111', SmsStatus: 'received', From: from, To: to, Body: body, NumMedia: '0', NumSegments: '1' }),
    }),
  },
};
