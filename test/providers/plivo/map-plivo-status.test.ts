import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES } from '../../../src/messages/message-status';
import { mapPlivoStatus, PLIVO_MESSAGE_STATUSES } from '../../../src/providers/plivo';

describe('mapPlivoStatus', () => {
  it('maps every Plivo state onto a library status', () => {
    for (const status of PLIVO_MESSAGE_STATUSES) expect(MESSAGE_STATUSES).toContain(mapPlivoStatus(status));
  });

  it.each([
    ['queued', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['rejected', 'undelivered'],
    ['read', 'delivered'],
    ['received', 'received'],
    [' Delivered ', 'delivered'],
    ['something-new', 'unknown'],
    ['', 'unknown'],
  ])('%j → %s', (plivo, expected) => {
    expect(mapPlivoStatus(plivo)).toBe(expected);
  });
});
