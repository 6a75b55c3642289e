import { describe, expect, it } from 'vitest';
import { refusal } from '../../src/webhooks/webhook-responses';

describe('refusal', () => {
  it('answers JSON naming the reason and message with the status', async () => {
    const response = refusal(403, 'INVALID_SIGNATURE', 'The signature does not match.');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('allow')).toBeNull();
    expect(await response.json()).toEqual({ error: { reason: 'INVALID_SIGNATURE', message: 'The signature does not match.' } });
  });

  it('names the allowed method on 405', () => {
    expect(refusal(405, 'METHOD_NOT_ALLOWED', 'Use POST.').headers.get('allow')).toBe('POST');
  });
});
