import { createHmac } from 'node:crypto';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../../src/providers/twilio/compute-twilio-signature';

const publishedUrl = 'https://example.com/myapp.php?foo=1&bar=2';
const publishedParams = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' };

describe('computeTwilioSignature', () => {
  it("matches Twilio's published example", () => {
    expect(computeTwilioSignature('12345', publishedUrl, publishedParams)).toBe('L/OH5YylLD5NRKLltdqwSvS0BnU=');
  });

  it('signs the URL then each name and value, sorted by name, with no separators', () => {
    const expected = createHmac('sha1', 'token').update('https://example.com/sAa1Bb2').digest('base64');
    expect(computeTwilioSignature('token', 'https://example.com/s', { Bb: '2', Aa: '1' })).toBe(expected);
    expect(computeTwilioSignature('token', 'https://example.com/s', {})).toBe(createHmac('sha1', 'token').update('https://example.com/s').digest('base64'));
  });

  it('adds each distinct value of a repeated name, sorted', () => {
    const expected = createHmac('sha1', 't').update('https://e.com/MediaUrlaMediaUrlb').digest('base64');
    expect(computeTwilioSignature('t', 'https://e.com/', { MediaUrl: ['b', 'a', 'b'] })).toBe(expected);
  });

  it("agrees with twilio-node's validateRequest", () => {
    const params = { MessageSid: 'SM1', MessageStatus: 'delivered', To: '+14155552671', Body: 'é & ü' };
    const url = 'https://hooks.example.com/twilio?message_id=m1';
    const signature = computeTwilioSignature('auth', url, params);
    expect(twilio.validateRequest('auth', signature, url, params)).toBe(true);
    expect(twilio.validateRequest('other', signature, url, params)).toBe(false);
  });
});
