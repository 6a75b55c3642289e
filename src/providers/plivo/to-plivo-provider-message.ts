import type { ProviderMessage } from '../provider';
import { mapPlivoStatus } from './map-plivo-status';
import type { PlivoMessageRecordLike } from './plivo-client-like';
import { plivoAddress } from './read-plivo-form';

/**
 * A Plivo Message Detail Record as a `ProviderMessage`, or undefined when it has no `message_uuid`
 * (https://www.plivo.com/docs/messaging/api/messages/, the Message object):
 * - `message_state` through the status table (`mapPlivoStatus`);
 * - `to_number` and `from_number` (digits without `+`) back in E.164, as the webhooks do (`plivoAddress`);
 * - `body` is always null: an MDR carries no message text;
 * - `message_time` (`2021-07-13 13:04:06.799021+05:30`) as ISO 8601 UTC, see {@link parsePlivoTime};
 * - `error_code` as `providerCode`, null when empty or `000` ("000 for successful delivery").
 *
 * @example
 * toPlivoProviderMessage({ messageUuid: 'b48d…', messageState: 'delivered', toNumber: '12401234567', fromNumber: '17087654321', messageTime: '2021-07-13 13:04:06.799021+05:30', errorCode: '000' });
 * // { providerMessageId: 'b48d…', status: 'delivered', to: '+12401234567', from: '+17087654321', body: null, createdAt: '2021-07-13T07:34:06.799Z', providerCode: null }
 */
export function toPlivoProviderMessage(record: PlivoMessageRecordLike | undefined): ProviderMessage | undefined {
  const id = record?.messageUuid;
  if (record === undefined || typeof id !== 'string' || id.length === 0) return undefined;
  return {
    providerMessageId: id,
    status: mapPlivoStatus(typeof record.messageState === 'string' ? record.messageState : ''),
    to: plivoAddress(text(record.toNumber)) ?? '',
    from: plivoAddress(text(record.fromNumber)) ?? null,
    body: null,
    createdAt: parsePlivoTime(text(record.messageTime)),
    providerCode: errorCodeOf(record.errorCode),
  };
}

/**
 * Plivo's `message_time` as ISO 8601 UTC. The API writes `YYYY-MM-DD HH:MM:SS[.uuuuuu]` with a zone
 * offset (`+05:30` in https://www.plivo.com/docs/messaging/api/message/retrieve-a-message); a time
 * without one is read as UTC, the zone of its list filters. Microseconds are cut to milliseconds.
 * Null when it cannot be read.
 *
 * @example
 * parsePlivoTime('2016-08-17 21:22:36+05:30'); // '2016-08-17T15:52:36.000Z'
 */
export function parsePlivoTime(value: string | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(value?.trim() ?? '');
  if (match === null) return null;
  const [, date, time, fraction, zone] = match;
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(zone);
  const parsed = Date.parse(`${date}T${time}${fraction === undefined ? '' : fraction.slice(0, 4)}${offset}`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** `+0530` and `+05` → `+05:30`, `+05:00`. */
function normaliseOffset(zone: string): string {
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4).padEnd(2, '0')}`;
}

function errorCodeOf(value: unknown): string | null {
  const code = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return code === '' || /^0+$/.test(code) ? null : code;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
