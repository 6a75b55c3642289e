import type { SmsErrorCode, SmsErrorFault } from './error-code';
import type { SmsErrorReason } from './error-reason';
import { createErrorMarker } from './error-marker';

const marker = createErrorMarker('SmsError');

export interface SmsErrorOptions {
  code: SmsErrorCode;
  message: string;
  /** A finer, machine-readable reason inside the code, e.g. `INVALID_PHONE_NUMBER`, `OPTED_OUT`. */
  reason: SmsErrorReason;
  /** True when sending the same request again later may succeed. */
  retryable?: boolean;
  fault?: SmsErrorFault;
  /** True when the provider may have accepted the message: it must not be re-sent blindly. */
  outcomeUnknown?: boolean;
  /** Id of the provider that raised it, when one did. */
  provider?: string;
  /** The provider's own error code (Twilio 21211, Telnyx 40310…), when it gave one. */
  providerCode?: string;
  /** HTTP status the provider answered with, when there was one. */
  httpStatus?: number;
  /** Milliseconds to wait before retrying, when the error says so (Retry-After, quota windows). */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * The one error type the library throws. Branch on `code` (the taxonomy) and `reason` (finer detail);
 * use `SmsError.isInstance(error)` rather than `instanceof`, so a duplicate copy of the package in
 * `node_modules` is still recognised (pattern from the Vercel AI SDK's `AISDKError`).
 *
 * @example
 * try {
 *   await sms.send({ to: '+14155550100', body: 'Hi' });
 * } catch (error) {
 *   if (SmsError.isInstance(error) && error.code === 'RATE_LIMITED') retryLater(error.retryAfterMs);
 * }
 */
export class SmsError extends Error {

  readonly code: SmsErrorCode;
  readonly reason: SmsErrorReason;
  readonly retryable: boolean;
  readonly fault: SmsErrorFault | undefined;
  readonly outcomeUnknown: boolean;
  readonly provider: string | undefined;
  readonly providerCode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(options: SmsErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SmsError';
    marker.mark(this);
    this.code = options.code;
    this.reason = options.reason;
    this.retryable = options.retryable ?? false;
    this.fault = options.fault;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.provider = options.provider;
    this.providerCode = options.providerCode;
    this.httpStatus = options.httpStatus;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** True for any `SmsError`, including one created by another copy of this package. */
  static isInstance(value: unknown): value is SmsError {
    return marker.isMarked(value);
  }

  /**
   * A log-safe view. Messages are built without bodies or full phone numbers, and `cause` is reduced
   * to its name and the first code along its chain because a vendor error may echo the request.
   */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {
      name: this.name,
      code: this.code,
      reason: this.reason,
      message: this.message,
      retryable: this.retryable,
      outcomeUnknown: this.outcomeUnknown,
    };
    if (this.fault !== undefined) json.fault = this.fault;
    if (this.provider !== undefined) json.provider = this.provider;
    if (this.providerCode !== undefined) json.providerCode = this.providerCode;
    if (this.httpStatus !== undefined) json.httpStatus = this.httpStatus;
    if (this.retryAfterMs !== undefined) json.retryAfterMs = this.retryAfterMs;
    const cause = describeCause(this.cause);
    if (cause !== undefined) json.cause = cause;
    return json;
  }
}

function describeCause(cause: unknown): Record<string, unknown> | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (SmsError.isInstance(cause)) return cause.toJSON();
  if (typeof cause !== 'object') return { type: typeof cause };
  const record = cause as { name?: unknown };
  const description: Record<string, unknown> = {};
  if (typeof record.name === 'string') description.name = record.name;
  const code = firstCode(cause);
  if (code !== undefined) description.code = code;
  return description;
}

/** The first `code` along the cause chain: an SDK error often wraps the socket error that has it. */
function firstCode(cause: unknown): string | number | undefined {
  let current: unknown = cause;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' || typeof code === 'number') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
