import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { encodeCursor, readConversationQuery, readMessageListQuery } from '../../src/store/read-listing-query';

describe('readConversationQuery', () => {
  it('defaults the page to 50 and decodes the cursor it was given', () => {
    expect(readConversationQuery({ tenantId: 'org-1' })).toEqual({ tenantId: 'org-1', limit: 50, after: undefined });
    const cursor = encodeCursor(['2026-12-07T10:00:00.000Z', '+14155550100', '+14155552671']);
    expect(readConversationQuery({ tenantId: null, limit: 200, cursor }).after).toEqual(['2026-12-07T10:00:00.000Z', '+14155550100', '+14155552671']);
  });

  it.each([
    [{ tenantId: 'org-1', limit: 0 }, 'limit', /^limit: 0 is not a whole number from 1 to 200\. Fix: pass a page size such as 50\.$/],
    [{ tenantId: 'org-1', limit: 201 }, 'limit', /201 is not a whole number/],
    [{ tenantId: 'org-1', limit: 2.5 }, 'limit', /2\.5 is not a whole number/],
    [{ tenantId: '' }, 'tenantId', /^tenantId: is missing\. Fix: pass the tenant's id, or null/],
    [{ tenantId: 'org-1', cursor: 'bm9wZQ' }, 'cursor', /^cursor: is not a cursor this store returned\. Fix: pass the nextCursor of the previous page unchanged/],
    [{ tenantId: 'org-1', cursor: encodeCursor(['not a time', 'a', 'b']) }, 'cursor', /not a cursor/],
    [{ tenantId: 'org-1', cursor: encodeCursor(['2026-12-07T10:00:00.000Z', 'only two']) }, 'cursor', /not a cursor/],
  ])('refuses %j naming %s', (query, field, message) => {
    const refuse = () => readConversationQuery(query as never);
    expect(refuse).toThrow(ValidationError);
    expect(refuse).toThrow(message);
    try {
      refuse();
    } catch (error) {
      expect((error as ValidationError).field).toBe(field);
    }
  });
});

describe('readMessageListQuery', () => {
  it('needs the contact and reads before as a two-part cursor', () => {
    const before = encodeCursor(['2026-12-07T10:00:00.000Z', '6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b2c']);
    expect(readMessageListQuery({ tenantId: 'org-1', contact: '+14155552671', before, ourNumber: null })).toEqual({
      tenantId: 'org-1', contact: '+14155552671', ourNumber: null, limit: 50, after: ['2026-12-07T10:00:00.000Z', '6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b2c'],
    });
    expect(() => readMessageListQuery({ tenantId: 'org-1', contact: '' })).toThrow(/^contact: is missing\. Fix: pass the contact's number in E\.164/);
    expect(() => readMessageListQuery({ tenantId: 'org-1', contact: '+14155552671', before: encodeCursor(['2026-12-07T10:00:00.000Z', 'a', 'b']) })).toThrow(/^before: is not a cursor/);
  });
});
