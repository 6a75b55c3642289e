import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES } from '../../../src/messages/message-status';
import { VONAGE_MESSAGE_STATUSES, mapVonageStatus } from '../../../src/providers/vonage';

describe('mapVonageStatus', () => {
  it.each([
    ['accepted', 'queued'],
    ['submitted', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['rejected', 'failed'],
    ['undeliverable', 'undelivered'],
  ])('%s → %s', (status, expected) => {
    expect(mapVonageStatus(status)).toBe(expected);
  });

  it('maps every listed status onto the normalised set', () => {
    for (const status of VONAGE_MESSAGE_STATUSES) expect(MESSAGE_STATUSES).toContain(mapVonageStatus(status));
  });

  it('trims and lower-cases, and maps anything else to unknown', () => {
    expect(mapVonageStatus(' Delivered ')).toBe('delivered');
    expect(mapVonageStatus('deleted')).toBe('unknown');
    expect(mapVonageStatus('__proto__')).toBe('unknown');
  });
});
