import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { checkProviderRequest, type ProviderRequestLimits } from '../../../src/providers/kit/check-provider-request';
import type { ProviderSendRequest } from '../../../src/providers/provider';

const limits: ProviderRequestLimits = { displayName: 'Twilio', maxMediaUrls: 2, callbackName: 'status callback' };
const request: ProviderSendRequest = { messageId: 'msg-1', to: '+14155550100', body: 'Hi', mediaUrls: [], encoding: 'GSM-7', segments: 1 };

function refusal(overrides: Record<string, unknown>): ValidationError {
  try {
    checkProviderRequest({ ...request, ...overrides } as ProviderSendRequest, limits);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('checkProviderRequest', () => {
  it('accepts a plain request and every sender shape', () => {
    expect(() => checkProviderRequest(request, limits)).not.toThrow();
    for (const from of ['+14155550100', 'Ocelot', 'My Shop 1', '12345', '123']) {
      expect(() => checkProviderRequest({ ...request, from }, limits), from).not.toThrow();
    }
    expect(() => checkProviderRequest({ ...request, mediaUrls: ['a', 'b'], validityPeriodSeconds: 0.5, sendAt: new Date(0) }, limits)).not.toThrow();
  });

  it('refuses an empty message id, naming the callback that carries it', () => {
    const error = refusal({ messageId: '' });
    expect(error.field).toBe('messageId');
    expect(error.reason).toBe('INVALID_MESSAGE_ID');
    expect(error.message).toBe('messageId: is empty. Fix: pass the library message id the status callback should carry.');
    expect(refusal({ messageId: 7 }).field).toBe('messageId');
  });

  it('refuses more media URLs than the provider takes', () => {
    const error = refusal({ mediaUrls: ['a', 'b', 'c'] });
    expect(error.field).toBe('mediaUrls');
    expect(error.reason).toBe('TOO_MANY_MEDIA_URLS');
    expect(error.message).toBe('mediaUrls: has 3 URLs; Twilio accepts at most 2. Fix: attach at most 2 media URLs, or send several messages.');
  });

  it('refuses a sender of no known shape', () => {
    for (const from of ['', '14155550100x', 'TooLongSender1', '12', '+0123', '!!']) {
      const error = refusal({ from });
      expect(error.field, from).toBe('from');
      expect(error.reason).toBe('INVALID_SENDER');
    }
  });

  it('refuses a validity period that is not a positive finite number', () => {
    for (const validityPeriodSeconds of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, '60']) {
      const error = refusal({ validityPeriodSeconds });
      expect(error.field).toBe('validityPeriodSeconds');
      expect(error.reason).toBe('INVALID_VALIDITY_PERIOD');
    }
  });

  it('refuses a sendAt that is not a valid Date', () => {
    for (const sendAt of [new Date(Number.NaN), '2030-01-01', 1_900_000_000_000]) {
      const error = refusal({ sendAt });
      expect(error.field).toBe('sendAt');
      expect(error.reason).toBe('INVALID_SEND_AT');
      expect(error.message).toBe('sendAt: is not a valid Date. Fix: pass a Date in the future.');
    }
  });

  it('reports the message id first when several fields are wrong', () => {
    expect(refusal({ messageId: '', from: '!!', mediaUrls: ['a', 'b', 'c'] }).field).toBe('messageId');
    expect(refusal({ from: '!!', mediaUrls: ['a', 'b', 'c'] }).field).toBe('mediaUrls');
  });
});
