import { describe, expect, it } from 'vitest';
import { fromRow, isUuid, MESSAGE_COLUMNS, toRowValues } from '../../../src/adapters/postgres/message-row';
import type { MessageRecord } from '../../../src/store/message-record';

const record: MessageRecord = {
  id: '6f1c2a9e-0b4d-4c8e-9a71-3d5e7f901b2c', tenantId: 'org-1', direction: 'outbound', from: null, to: '+14155552671', body: 'Hi', mediaUrls: ['https://example.com/a.png'],
  provider: 'twilio', providerMessageId: 'SM1', status: 'sent', errorCode: null, errorReason: null, errorMessage: null, cost: '0.0075', currency: 'USD',
  segments: 1, encoding: 'GSM-7', metadata: { campaignId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', contactId: 'not-a-uuid' }, createdAt: '2026-12-07T10:00:00.000Z', sentAt: '2026-12-07T10:00:01.000Z', deliveredAt: null,
  providerCode: null, attempts: 1, idempotencyKey: 'order-42', statusChangedAt: '2026-12-07T10:00:01.000Z',
};

describe('message rows', () => {
  it('writes one value per column: organisation and campaign only when they are UUIDs', () => {
    const values = toRowValues(record);
    expect(values).toHaveLength(MESSAGE_COLUMNS.length);
    const byColumn = Object.fromEntries(MESSAGE_COLUMNS.map((column, index) => [column, values[index]]));
    expect(byColumn).toMatchObject({ organization_id: null, tenant_id: 'org-1', campaign_id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', contact_id: null, media_urls: '["https://example.com/a.png"]', cost: '0.0075', attempts: 1, idempotency_key: 'order-42', provider_code: null });
    expect(Object.fromEntries(MESSAGE_COLUMNS.map((column, index) => [column, toRowValues({ ...record, tenantId: record.id })[index]])).organization_id).toBe(record.id);
  });

  it('refuses an id the uuid key cannot hold', () => {
    expect(() => toRowValues({ ...record, id: 'msg-1' })).toThrow(/^record\.id: "msg-1" is not a UUID/);
    expect(isUuid('6F1C2A9E-0B4D-4C8E-9A71-3D5E7F901B2C')).toBe(true);
    expect(isUuid(42)).toBe(false);
  });

  it('reads a row back into the record it was written from', () => {
    const values = toRowValues(record);
    const row: Record<string, unknown> = Object.fromEntries(MESSAGE_COLUMNS.map((column, index) => [column, values[index]]));
    row.media_urls = JSON.parse(String(row.media_urls));
    row.metadata = JSON.parse(String(row.metadata));
    row.created_at = new Date(String(row.created_at));
    row.sent_at = new Date(String(row.sent_at));
    row.status_changed_at = new Date(String(row.status_changed_at));
    expect(fromRow(row)).toEqual(record);
  });
});
