import { describe, expect, it } from 'vitest';
import { twilioUrlCandidates } from '../../../src/providers/twilio/twilio-url-candidates';

describe('twilioUrlCandidates', () => {
  it('tries the URL without and with its default port', () => {
    expect(twilioUrlCandidates('https://example.com/sms?a=1')).toEqual(['https://example.com/sms?a=1', 'https://example.com:443/sms?a=1']);
    expect(twilioUrlCandidates('http://example.com/sms')).toEqual(['http://example.com/sms', 'http://example.com:80/sms']);
  });

  it('strips an explicit port and adds the normalised spellings', () => {
    expect(twilioUrlCandidates('https://example.com:443/sms')).toEqual(['https://example.com/sms', 'https://example.com:443/sms']);
    expect(twilioUrlCandidates('https://example.com:8443/sms')).toEqual(['https://example.com/sms', 'https://example.com:8443/sms']);
  });

  it('keeps the exact characters of the path and query, and adds the WHATWG-normalised form', () => {
    const candidates = twilioUrlCandidates('HTTPS://Example.com/a b?x=%7e');
    expect(candidates.slice(0, 2)).toEqual(['HTTPS://Example.com/a b?x=%7e', 'HTTPS://Example.com:443/a b?x=%7e']);
    expect(candidates).toContain('https://example.com/a%20b?x=%7e');
    expect(candidates).toContain('https://example.com:443/a%20b?x=%7e');
    expect(candidates).toHaveLength(4);
  });

  it('handles user info and IPv6 literals', () => {
    expect(twilioUrlCandidates('https://user:pw@example.com/s')).toEqual(['https://user:pw@example.com/s', 'https://user:pw@example.com:443/s']);
    expect(twilioUrlCandidates('https://[::1]:8443/s')).toEqual(['https://[::1]/s', 'https://[::1]:8443/s']);
    expect(twilioUrlCandidates('http://[::1]/s')).toEqual(['http://[::1]/s', 'http://[::1]:80/s']);
  });

  it('returns an unparsable URL as is', () => {
    expect(twilioUrlCandidates('not a url')).toEqual(['not a url']);
  });
});
