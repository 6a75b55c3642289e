import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { checkClientRequest, CLIENT_REQUEST_FIELDS } from '../../src/platform/check-client-request';

function refusal(request: object): ValidationError {
  try {
    checkClientRequest(request);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('checkClientRequest', () => {
  it('accepts every known field', () => {
    expect(() => checkClientRequest({ tenantId: 'org-1', to: '+14155552671', body: 'Hi', ttlSeconds: 60, actor: { userId: 'u1' }, requestId: 'r1' })).not.toThrow();
  });

  it.each([
    ['ttl', 'did you mean ttlSeconds?'],
    ['mediaUrl', 'did you mean mediaUrls?'],
    ['tenant_id', 'did you mean tenantId?'],
    ['boddy', 'did you mean body?'],
    ['priority', 'remove it'],
  ])('refuses %s, suggesting the near field', (key, fix) => {
    const error = refusal({ to: '+14155552671', body: 'Hi', [key]: 1 });
    expect(error).toMatchObject({ field: key, reason: 'UNKNOWN_OPTION' });
    expect(error.message).toBe(`${key}: is not a request field. Fix: ${fix}; the fields are ${CLIENT_REQUEST_FIELDS.join(', ')}.`);
  });

  it('checks the actor fields under actor.', () => {
    expect(refusal({ actor: { user_id: 'u1' } }).message).toBe('actor.user_id: is not a request field. Fix: did you mean actor.userId?; the fields are userId.');
    expect(() => checkClientRequest({ actor: null })).not.toThrow();
  });
});
