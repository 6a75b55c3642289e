import { createHash } from 'node:crypto';
import { computeTwilioSignature, type TwilioParams } from './compute-twilio-signature';

export interface SignTwilioRequestOptions {
  /** The full URL Twilio would call, query included. */
  url: string;
  /** Form parameters (status callbacks, inbound messages). */
  params?: TwilioParams;
  /** Or a raw JSON body: `bodySHA256` is added to the URL and the signature covers the URL only. */
  body?: string;
  authToken: string;
}

export interface SignedTwilioRequest {
  /** The URL to post to: `url`, plus `bodySHA256` for a JSON body. */
  readonly url: string;
  /** The `X-Twilio-Signature` value. */
  readonly signature: string;
  readonly headers: { readonly 'x-twilio-signature': string };
}

/**
 * Signs a request as Twilio does, for tests of a webhook endpoint (docs/architecture.md#rules-every-module-follows).
 * Form parameters: HMAC-SHA1 over the URL and the sorted parameters. A JSON `body`:
 * `bodySHA256=<hex sha256>` is appended to the URL, which alone is signed (twilio-node
 * `validateRequestWithBody`).
 *
 * @example
 * signTwilioRequest({
 *   url: 'https://example.com/myapp.php?foo=1&bar=2',
 *   params: { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' },
 *   authToken: '12345',
 * }).signature; // 'L/OH5YylLD5NRKLltdqwSvS0BnU=' (Twilio's published example)
 */
export function signTwilioRequest(options: SignTwilioRequestOptions): SignedTwilioRequest {
  let url = options.url;
  let params: TwilioParams = options.params ?? {};
  if (options.body !== undefined) {
    const parsed = new URL(url);
    parsed.searchParams.set('bodySHA256', createHash('sha256').update(options.body, 'utf8').digest('hex'));
    url = parsed.toString();
    params = {};
  }
  const signature = computeTwilioSignature(options.authToken, url, params);
  return { url, signature, headers: { 'x-twilio-signature': signature } };
}
