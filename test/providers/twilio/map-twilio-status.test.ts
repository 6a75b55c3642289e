import { describe, expect, it } from 'vitest';
import { MESSAGE_STATUSES } from '../../../src/messages/message-status';
import { TWILIO_MESSAGE_STATUSES, mapTwilioStatus } from '../../../src/providers/twilio';

/** Expected mapping of every Twilio status (https://www.twilio.com/docs/messaging/api/message-resource), written out independently. */
const expected = [
  ['queued', 'queued'],
  ['accepted', 'queued'],
  ['scheduled', 'queued'],
  ['sending', 'sending'],
  ['sent', 'sent'],
  ['partially_delivered', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'delivered'],
  ['undelivered', 'undelivered'],
  ['failed', 'failed'],
  ['canceled', 'failed'],
  ['receiving', 'received'],
  ['received', 'received'],
] as const;

describe('mapTwilioStatus', () => {
  it('covers exactly the statuses twilio-node declares', () => {
    expect(expected.map(([status]) => status).sort()).toEqual([...TWILIO_MESSAGE_STATUSES].sort());
  });

  it.each(expected)('%s → %s', (status, normalised) => {
    expect(mapTwilioStatus(status)).toBe(normalised);
    expect(MESSAGE_STATUSES).toContain(mapTwilioStatus(status));
  });

  it('tolerates case and surrounding spaces', () => {
    expect(mapTwilioStatus(' Delivered ')).toBe('delivered');
  });

  it.each(['', 'delivering', 'constructor', 'toString', '__proto__', 'DELIVERED_LATE'])('unknown string %j → unknown', (status) => {
    expect(mapTwilioStatus(status)).toBe('unknown');
  });
});
