import type { SmsResultEvent } from '../sms-event';

/**
 * A worker's answer to one `sms.send_request`: `sms.sent` or `sms.failed` with the request's
 * `correlation_id` and its `request_id`. Every response to one request has the same `event_id`
 * (derived from `request_id`), so a redelivered request's repeated answer is recognisable: keep the first
 * (docs/platform-mode.md, "Guarantees").
 */
export type SmsResponseEvent = SmsResultEvent & { readonly request_id: string };
