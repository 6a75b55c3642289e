import { AUTH_ID } from './plivo-fixtures';

/**
 * Message Detail Records as Plivo's API answers them, copied from its docs:
 * - delivered: https://www.plivo.com/docs/sms/api/message/retrieve-a-message/ (the 200 example);
 * - failed with error 200: https://www.plivo.com/docs/sms/detailed-reference/api/message/retrieve-a-message/;
 * - undelivered: the delivered example with the state and error code of an undelivered message
 *   (error 50, https://www.plivo.com/docs/messaging/troubleshooting/error-codes).
 */
export const DELIVERED_UUID = 'b48d95dc-e3ac-11eb-a9c2-0242ac110005';
export const FAILED_UUID = '2a340179-e8a9-4b1d-ae2c-9f346e7b6d7d';

export function deliveredRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    api_id: '85a704c8-e47a-11eb-9a69-0242ac110004',
    carrier_fees: '0.00000',
    error_code: '000',
    from_number: '17087654321',
    mcc: '312',
    message_direction: 'outbound',
    message_state: 'delivered',
    message_time: '2021-07-13 13:04:06.799021+05:30',
    message_type: 'sms',
    message_uuid: DELIVERED_UUID,
    mnc: '650',
    powerpack_id: '1d5f3dd8-b207-4738-b59f-3c2ac7d3461c',
    resource_uri: `/v1/Account/${AUTH_ID}/Message/${DELIVERED_UUID}/`,
    to_number: '12401234567',
    total_amount: '0.00140',
    total_rate: '0.00140',
    units: 1,
    requester_ip: '192.168.0.1',
    ...overrides,
  };
}

export function failedRecord(): Record<string, unknown> {
  return {
    api_id: '035eeada-6df1-11e6-b608-06a72a185e87',
    error_code: '200',
    from_number: '18552828641',
    message_direction: 'outbound',
    message_state: 'failed',
    message_time: '2016-08-17 21:22:36+05:30',
    message_type: 'sms',
    message_uuid: FAILED_UUID,
    resource_uri: `/v1/Account/${AUTH_ID}/Message/${FAILED_UUID}/`,
    to_number: '19352326448',
    total_amount: '0.00000',
    total_rate: '0.00350',
    units: 1,
  };
}

export function undeliveredRecord(): Record<string, unknown> {
  return deliveredRecord({ message_state: 'undelivered', error_code: '50' });
}

/** A list page: `{ api_id, meta, objects }` (https://www.plivo.com/docs/messaging/api/message/list-all-messages). */
export function listPage(objects: readonly Record<string, unknown>[], meta: { offset?: number; limit?: number; next?: string | null; totalCount?: number } = {}): Record<string, unknown> {
  const records = objects.map(({ api_id: _apiId, ...record }) => record);
  return {
    api_id: 'c4bf1d02-5b0b-11e9-8b49-0242ac110003',
    meta: {
      limit: meta.limit ?? 20,
      next: meta.next ?? null,
      offset: meta.offset ?? 0,
      previous: null,
      total_count: meta.totalCount ?? objects.length,
    },
    objects: records,
  };
}
