import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES } from '../../../src/messages/message-status';
import { TELNYX_MESSAGE_STATUSES, mapTelnyxStatus } from '../../../src/providers/telnyx';

/** Expected mapping of every Telnyx status (docs/telnyx.md#webhooks-and-correlation; telnyx-node 7.24 payload types), written out independently. */
const expected = [
  ['scheduled', 'queued'],
  ['queued', 'queued'],
  ['sending', 'sending'],
  ['sent', 'sent'],
  ['delivery_unconfirmed', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'delivered'],
  ['delivery_failed', 'undelivered'],
  ['sending_failed', 'failed'],
  ['expired', 'failed'],
  ['cancelled', 'failed'],
  ['received', 'received'],
  ['webhook_delivered', 'received'],
] as const;

describe('mapTelnyxStatus', () => {
  it('covers exactly the statuses telnyx-node declares', () => {
    expect(expected.map(([status]) => status).sort()).toEqual([...TELNYX_MESSAGE_STATUSES].sort());
  });

  it.each(expected)('%s → %s', (status, normalised) => {
    expect(mapTelnyxStatus(status)).toBe(normalised);
    expect(MESSAGE_STATUSES).toContain(mapTelnyxStatus(status));
  });

  it('tolerates case and surrounding spaces', () => {
    expect(mapTelnyxStatus('  DELIVERY_FAILED')).toBe('undelivered');
  });

  it.each(['', 'canceled', 'failed', 'hasOwnProperty', '__proto__'])('unknown string %j → unknown', (status) => {
    expect(mapTelnyxStatus(status)).toBe('unknown');
  });
});
