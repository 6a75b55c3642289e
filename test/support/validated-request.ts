import type { ValidatedSendRequest } from '../../src/messages/send-request';

/** A validated request as the service hands it on after validation. */
export function validatedRequest(overrides: Partial<ValidatedSendRequest> = {}): ValidatedSendRequest {
  return {
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
    ...overrides,
  };
}
