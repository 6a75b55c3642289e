import { describe, expect, it } from 'vitest';
import { smsSendRequestSchema } from '../../src/events/contracts/sms-send-request-schema';
import { toSendRequest } from '../../src/platform/to-send-request';
import { envelope } from './support/platform-fixtures';

const parsed = (changes: Parameters<typeof envelope>[0] = {}) => smsSendRequestSchema.parse(envelope({ request_id: 'r1', ...changes }));

describe('toSendRequest', () => {
  it('maps the envelope to a send request under its tenant, key and correlation id', () => {
    expect(toSendRequest(parsed({ data: { to_number: '+14155552671', body: 'Hi', from_number: '+14155550100', media_urls: ['https://example.com/a.png'], metadata: { a: 1 } } }), 599.9)).toEqual({
      to: '+14155552671',
      body: 'Hi',
      from: '+14155550100',
      mediaUrls: ['https://example.com/a.png'],
      tenantId: 'org-1',
      idempotencyKey: 'key-r1',
      correlationId: 'trace-r1',
      validityPeriodSeconds: 599,
      metadata: { a: 1 },
    });
  });

  it('leaves out a null sender and absent media', () => {
    const request = toSendRequest(parsed({ data: { to_number: '+14155552671', body: 'Hi', from_number: null } }), 60);
    expect(request).not.toHaveProperty('from');
    expect(request).not.toHaveProperty('mediaUrls');
    expect(request.metadata).toEqual({});
  });

  it('clamps the validity period to 1 … 36000 seconds', () => {
    expect(toSendRequest(parsed(), 0.2).validityPeriodSeconds).toBe(1);
    expect(toSendRequest(parsed(), 86_400).validityPeriodSeconds).toBe(36_000);
  });
});
