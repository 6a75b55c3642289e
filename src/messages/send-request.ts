import type { CountryCode } from 'libphonenumber-js';

/** What `SMSService.send()` takes. Unknown fields are refused, so a typo never passes silently. */
export interface SendRequest {
  /** Destination. E.164 (`+14155550100`); national formats only with the service's `phone.defaultCountry`. */
  to: string;
  /** Text of the message. May be empty only when `mediaUrls` carries media (MMS). */
  body?: string;
  /** Sender: E.164 number, short code or alphanumeric sender id. Defaults to the provider's own. */
  from?: string;
  /** Public http(s) URLs of media to attach (MMS). */
  mediaUrls?: readonly string[];
  /** Organisation the message is sent for; quotas and idempotency keys are scoped by it. */
  tenantId?: string;
  /** The caller's key for this logical send (scoped per tenant). */
  idempotencyKey?: string;
  /** Carried into the published events as `correlation_id`; defaults to the message id. */
  correlationId?: string;
  /** Seconds the provider may keep trying to deliver (Twilio `ValidityPeriod`, 1 to 36 000). */
  validityPeriodSeconds?: number;
  /** When to send, for providers that support scheduling. */
  sendAt?: Date;
  /** The caller's own fields, recorded and echoed in events. Strings, numbers, booleans or null. */
  metadata?: Readonly<Record<string, string | number | boolean | null>>;
}

/** A request after validation: numbers canonical, defaults applied. */
export interface ValidatedSendRequest {
  readonly to: string;
  readonly country: CountryCode | undefined;
  readonly from: string | undefined;
  readonly body: string;
  readonly mediaUrls: readonly string[];
  readonly tenantId: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly correlationId: string | undefined;
  readonly validityPeriodSeconds: number | undefined;
  readonly sendAt: Date | undefined;
  readonly metadata: Readonly<Record<string, string | number | boolean | null>>;
}
