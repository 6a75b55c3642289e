import { describe, expect, it } from 'vitest';
import { responseEventId } from '../../src/platform/build-response-event';
import { deriveUuid } from '../../src/hashing/derive-uuid';
import { topicMatches } from '../../src/platform/topic-matches';

describe('deriveUuid', () => {
  it('is stable per namespace and name, and an RFC 9562 version 8 UUID', () => {
    expect(deriveUuid('sms.response', 'r-1')).toBe(deriveUuid('sms.response', 'r-1'));
    expect(deriveUuid('sms.response', 'r-1')).not.toBe(deriveUuid('sms.response', 'r-2'));
    expect(deriveUuid('sms.response', 'r-1')).not.toBe(deriveUuid('sms.message', 'r-1'));
    expect(responseEventId('r-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('never changes between releases: a worker upgraded mid-batch repeats the same event_id', () => {
    // Values from the first release (sha256 → bytes → version and variant bits set on the bytes).
    expect(deriveUuid('sms.response', 'request-42')).toBe('e72e548d-8dac-861c-b769-4ae195747214');
    expect(deriveUuid('sms.message', 'request-42')).toBe('75af4ed4-5dc9-8e0f-9001-f133abbdf417');
  });
});

describe('topicMatches', () => {
  it.each([
    ['sms.sent', 'sms.sent', true],
    ['sms.sent', 'sms.failed', false],
    ['sms.*', 'sms.sent', true],
    ['sms.*', 'sms', false],
    ['sms.*', 'sms.status.delivered', false],
    ['sms.#', 'sms', true],
    ['sms.#', 'sms.status.delivered', true],
    ['#', 'anything.at.all', true],
    ['*.sent', 'sms.sent', true],
    ['#.sent', 'a.b.sent', true],
    ['#.sent', 'a.b.failed', false],
  ])('%s against %s: %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });
});
