import { createHash } from 'node:crypto';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../../src/providers/twilio/compute-twilio-signature';
import { signTwilioRequest } from '../../../src/providers/twilio/sign-twilio-request';

describe('signTwilioRequest', () => {
  it('signs the URL and the form parameters, keeping the URL', () => {
    const signed = signTwilioRequest({
      url: 'https://example.com/myapp.php?foo=1&bar=2',
      params: { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' },
      authToken: '12345',
    });
    expect(signed).toEqual({
      url: 'https://example.com/myapp.php?foo=1&bar=2',
      signature: 'L/OH5YylLD5NRKLltdqwSvS0BnU=',
      headers: { 'x-twilio-signature': 'L/OH5YylLD5NRKLltdqwSvS0BnU=' },
    });
  });

  it('signs the URL alone without parameters', () => {
    expect(signTwilioRequest({ url: 'https://e.com/x', authToken: 't' }).signature).toBe(computeTwilioSignature('t', 'https://e.com/x', {}));
  });

  it('adds bodySHA256 to the URL for a JSON body and signs that URL only', () => {
    const body = '{"MessageSid":"SM1","MessageStatus":"sent"}';
    const signed = signTwilioRequest({ url: 'https://e.com/hook?a=1', body, params: { Ignored: 'x' }, authToken: 't' });
    const hash = createHash('sha256').update(body).digest('hex');
    expect(signed.url).toBe(`https://e.com/hook?a=1&bodySHA256=${hash}`);
    expect(signed.signature).toBe(computeTwilioSignature('t', signed.url, {}));
    expect(twilio.validateRequestWithBody('t', signed.signature, signed.url, body)).toBe(true);
  });
});
