import type { FormParams } from '../kit/parse-form-params';
import { createHmac } from 'node:crypto';

/** Form parameters as Twilio posts them: a repeated name carries several values. */
export type TwilioParams = FormParams;

/**
 * Twilio's `X-Twilio-Signature` for a URL and its POST parameters: Base64(HMAC-SHA1(auth token, the
 * full URL, then each parameter's name and value, sorted by name, with no separators)). A repeated
 * name contributes each distinct value, sorted, as `name + value` (docs/webhooks.md#verifying-signatures-yourself; twilio-node
 * `getExpectedTwilioSignature`). JSON webhooks sign the URL only, with `params = {}`.
 *
 * @example
 * computeTwilioSignature('12345', 'https://example.com/myapp.php?foo=1&bar=2', {
 *   CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212',
 * }); // 'L/OH5YylLD5NRKLltdqwSvS0BnU=' (Twilio's published example)
 */
export function computeTwilioSignature(authToken: string, url: string, params: TwilioParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (typeof value === 'string') {
      data += name + value;
    } else if (Array.isArray(value)) {
      for (const item of [...new Set(value as readonly string[])].sort()) data += name + item;
    }
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}
