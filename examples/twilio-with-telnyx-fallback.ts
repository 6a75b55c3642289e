/**
 * Production set-up: Twilio first, Telnyx as failover, both from environment variables.
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… TWILIO_PHONE_NUMBER=+1… \
 *   TELNYX_API_KEY=KEY… TELNYX_PHONE_NUMBER=+1… \
 *   npx tsx examples/twilio-with-telnyx-fallback.ts +14155552671
 *
 * Needs the optional peers: npm install twilio telnyx. The test suite runs this file with nock
 * answering for both APIs (test/examples/twilio-with-telnyx-fallback.test.ts).
 */
import { pathToFileURL } from 'node:url';
import { SMSService, SmsError } from '@ocelot-platform/tools-core';

export async function sendWithFallback(to: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<string> {
  const sms = SMSService.fromEnv(env, {
    onBackgroundError: (error) => console.error('could not record or publish:', error),
  });
  try {
    const result = await sms.send({ to, body: 'Your appointment is confirmed for tomorrow at 09:30.' });
    const route = result.attempts.map((attempt) => `${attempt.provider} ${attempt.outcome}${attempt.errorCode ? ` (${attempt.errorCode})` : ''}`).join(', then ');
    return `sent via ${result.provider} as ${result.providerMessageId}: ${route}; cost ${result.cost?.amount} ${result.cost?.currency}`;
  } catch (error) {
    if (!SmsError.isInstance(error)) throw error;
    // outcomeUnknown: the provider may have sent it; wait for the status callback instead of resending.
    return `not sent: ${error.code}/${error.reason}${error.outcomeUnknown ? ' (outcome unknown: do not resend)' : ''}`;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await sendWithFallback(process.argv[2] ?? '+14155552671'));
}
