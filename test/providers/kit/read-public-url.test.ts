import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { readPublicUrl, type PublicUrlOptions } from '../../../src/providers/kit/read-public-url';

const request = new Request('http://10.0.0.5:8080/webhooks/twilio?tenant=a');

function refusal(options: unknown): ValidationError {
  try {
    readPublicUrl(options as PublicUrlOptions, 'options.providers.twilio');
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('readPublicUrl', () => {
  it('uses the received URL by default', () => {
    expect(readPublicUrl({}, 'f')(request)).toBe('http://10.0.0.5:8080/webhooks/twilio?tenant=a');
  });

  it('replaces the origin, keeping the path and the query', () => {
    expect(readPublicUrl({ publicOrigin: 'https://api.example.com' }, 'f')(request)).toBe('https://api.example.com/webhooks/twilio?tenant=a');
    expect(readPublicUrl({ publicOrigin: 'https://api.example.com:8443/' }, 'f')(request)).toBe('https://api.example.com:8443/webhooks/twilio?tenant=a');
  });

  it('uses publicUrl as given', () => {
    const publicUrl = (incoming: Request): string => `https://public.example.com/x${new URL(incoming.url).search}`;
    expect(readPublicUrl({ publicUrl }, 'f')).toBe(publicUrl);
  });

  it('refuses both together, and a publicUrl that is not a function', () => {
    const both = refusal({ publicOrigin: 'https://a.example', publicUrl: () => '' });
    expect(both.field).toBe('options.providers.twilio.publicUrl');
    expect(both.message).toBe('options.providers.twilio.publicUrl: is set together with publicOrigin. Fix: pass one of them.');
    expect(refusal({ publicUrl: 'https://a.example' }).message).toContain('publicUrl: is not a function.');
  });

  it('refuses a publicOrigin that is not a bare http(s) origin', () => {
    for (const publicOrigin of ['api.example.com', 'ftp://api.example.com', 'https://api.example.com/base', 'https://api.example.com?x=1', 'https://api.example.com#h', 'https://user@api.example.com', 42]) {
      const error = refusal({ publicOrigin });
      expect(error.field, String(publicOrigin)).toBe('options.providers.twilio.publicOrigin');
      expect(error.reason).toBe('INVALID_OPTION');
      expect(error.message).toContain('is not an origin (scheme, host and optional port, nothing else).');
    }
  });
});
