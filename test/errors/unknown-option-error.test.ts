import { describe, expect, it } from 'vitest';
import { unknownOptionError } from '../../src/errors/unknown-option-error';
import { ValidationError } from '../../src/errors/validation-error';

describe('unknownOptionError', () => {
  it('names the key, suggests the accepted key it is a prefix of and lists every accepted key', () => {
    const error = unknownOptionError({ keys: ['mediaUrl'], kind: 'request field', accepted: ['to', 'body', 'mediaUrls'] });
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.reason).toBe('UNKNOWN_OPTION');
    expect(error.field).toBe('mediaUrl');
    expect(error.message).toBe('mediaUrl: is not a request field (did you mean mediaUrls?). Fix: remove it; the request fields are to, body, mediaUrls.');
  });

  it('suggests across case and from a longer key, but not from a one-letter key', () => {
    expect(unknownOptionError({ keys: ['MediaUrls'], kind: 'send option', accepted: ['mediaUrls'] }).message).toContain('(did you mean mediaUrls?)');
    expect(unknownOptionError({ keys: ['ttlSecondsX'], kind: 'send option', accepted: ['ttlSeconds'] }).message).toContain('(did you mean ttlSeconds?)');
    expect(unknownOptionError({ keys: ['ttl'], kind: 'send option', accepted: ['ttlSeconds'] }).message).toContain('(did you mean ttlSeconds?)');
    expect(unknownOptionError({ keys: ['t'], kind: 'send option', accepted: ['ttlSeconds'] }).message).not.toContain('did you mean');
    expect(unknownOptionError({ keys: ['colour'], kind: 'send option', accepted: ['to', 'body'] }).message).toBe(
      'colour: is not a send option. Fix: remove it; the send options are to, body.',
    );
  });

  it('lists the other unknown keys and prefixes the field with the path', () => {
    const error = unknownOptionError({ keys: ['userId', 'role', 'x'], kind: 'actor field', accepted: ['user_id'], path: 'actor' });
    expect(error.field).toBe('actor.userId');
    expect(error.message).toBe('actor.userId: is not a actor field; also unknown: role, x. Fix: remove it; the actor fields are user_id.');
  });
});
