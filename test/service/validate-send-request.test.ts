import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { readPhonePolicy } from '../../src/phone/phone-policy';
import { validateSendRequest, type SendRequestRules } from '../../src/service/validate-send-request';

const rules: SendRequestRules = { phone: readPhonePolicy({}), maxMediaUrls: 2, maxSegments: 10 };

function refusal(input: unknown, given: SendRequestRules = rules): ValidationError {
  try {
    validateSendRequest(input, given);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('validateSendRequest', () => {
  it('returns the request in canonical form with defaults', () => {
    expect(validateSendRequest({ to: '+1 415 555 2671', body: 'Hi' }, rules)).toEqual({
      to: '+14155552671',
      country: 'US',
      from: undefined,
      body: 'Hi',
      mediaUrls: [],
      tenantId: undefined,
      idempotencyKey: undefined,
      correlationId: undefined,
      validityPeriodSeconds: undefined,
      sendAt: undefined,
      metadata: {},
    });
  });

  it('keeps senders: an E.164 number canonical, a short code and an alphanumeric id as given', () => {
    expect(validateSendRequest({ to: '+14155552671', body: 'Hi', from: '+1 (415) 555-0100' }, rules).from).toBe('+14155550100');
    expect(validateSendRequest({ to: '+14155552671', body: 'Hi', from: '12345' }, rules).from).toBe('12345');
    expect(validateSendRequest({ to: '+14155552671', body: 'Hi', from: 'Acme' }, rules).from).toBe('Acme');
    expect(refusal({ to: '+14155552671', body: 'Hi', from: 'not a sender!' })).toMatchObject({ field: 'from', reason: 'INVALID_SENDER' });
  });

  it('accepts media without a body, but refuses a blank body without media', () => {
    expect(validateSendRequest({ to: '+14155552671', mediaUrls: ['https://example.com/a.jpg'] }, rules)).toMatchObject({ body: '', mediaUrls: ['https://example.com/a.jpg'] });
    expect(refusal({ to: '+14155552671', body: ' \u200b ' })).toMatchObject({ field: 'body', reason: 'BODY_EMPTY' });
  });

  it('names the field of a schema failure and its fix', () => {
    const error = refusal({ to: '+14155552671', body: 'Hi', validityPeriodSeconds: 1.5 });
    expect(error).toMatchObject({ field: 'validityPeriodSeconds', reason: 'INVALID_FIELD' });
    expect(error.message).toMatch(/Fix: pass a whole number of seconds from 1 to 36000\.$/);
    expect(refusal({ to: 14155552671, body: 'Hi' })).toMatchObject({ field: 'to', reason: 'INVALID_FIELD' });
    expect(refusal({ to: '+14155552671', body: 'Hi', metadata: { k: { nested: true } } })).toMatchObject({ field: 'metadata.k' });
    expect(refusal('hello')).toMatchObject({ field: 'request', reason: 'INVALID_REQUEST' });
  });

  it('refuses an unknown key, suggesting the near name', () => {
    const error = refusal({ to: '+14155552671', body: 'Hi', mediaUrl: 'https://example.com/a.jpg' });
    expect(error).toMatchObject({ field: 'mediaUrl', reason: 'UNKNOWN_OPTION' });
    expect(error.message).toContain('(did you mean mediaUrls?)');
  });

  it('refuses an invalid destination by its reason', () => {
    expect(refusal({ to: '4155552671', body: 'Hi' })).toMatchObject({ field: 'to', reason: 'MISSING_COUNTRY_CODE' });
  });

  it('checks media URLs: count, scheme and credentials', () => {
    expect(refusal({ to: '+14155552671', body: 'Hi', mediaUrls: ['https://a.example/1', 'https://a.example/2', 'https://a.example/3'] }).message).toBe(
      'mediaUrls: has 3 URLs; at most 2 can be attached. Fix: attach at most 2 media URLs per message, or send several messages.',
    );
    expect(refusal({ to: '+14155552671', body: 'Hi', mediaUrls: ['https://a.example/1', 'ftp://a.example/2'] })).toMatchObject({ field: 'mediaUrls[1]', reason: 'INVALID_MEDIA_URL', message: expect.stringContaining('uses ftp: but providers fetch media over http(s) only.') as unknown });
    expect(refusal({ to: '+14155552671', body: 'Hi', mediaUrls: ['https://user:pw@a.example/1'] }).message).toContain('mediaUrls[0]: carries credentials');
    expect(refusal({ to: '+14155552671', body: 'Hi', mediaUrls: ['/relative.png'] }).message).toContain('mediaUrls[0]: is not an absolute URL.');
  });

  it('refuses more than 50 metadata keys, and a body too long for maxSegments by its length', () => {
    const metadata = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`k${index}`, index]));
    expect(refusal({ to: '+14155552671', body: 'Hi', metadata })).toMatchObject({ field: 'metadata', reason: 'METADATA_TOO_LARGE', message: expect.stringContaining('has 51 keys; at most 50 are kept.') as unknown });
    expect(refusal({ to: '+14155552671', body: 'a'.repeat(1000) }, { ...rules, maxSegments: 1 })).toMatchObject({ field: 'body', reason: 'BODY_TOO_LONG' });
  });

  it('refuses control characters in the body', () => {
    expect(refusal({ to: '+14155552671', body: 'Hi\u202e' })).toMatchObject({ field: 'body', reason: 'FORBIDDEN_CHARACTER' });
  });
});
