import { describe, expect, it } from 'vitest';
import { calculateSegments } from '../../src/segments/calculate-segments';
import { buildProviderRequest } from '../../src/service/build-provider-request';
import { validatedRequest } from '../support/validated-request';

describe('buildProviderRequest', () => {
  it('carries the canonical request, the message id and the counted encoding and segments', () => {
    const sendAt = new Date('2026-01-02T00:00:00.000Z');
    const request = validatedRequest({ from: '+14155550100', body: 'Ж', mediaUrls: ['https://example.com/a.png'], tenantId: 'org-1', validityPeriodSeconds: 600, sendAt, correlationId: 'c', metadata: { a: 1 } });
    expect(buildProviderRequest('m-1', request, calculateSegments('Ж'.repeat(71)))).toEqual({
      messageId: 'm-1',
      to: '+14155552671',
      from: '+14155550100',
      body: 'Ж',
      mediaUrls: ['https://example.com/a.png'],
      encoding: 'UCS-2',
      segments: 2,
      validityPeriodSeconds: 600,
      sendAt,
      tenantId: 'org-1',
    });
  });
});
