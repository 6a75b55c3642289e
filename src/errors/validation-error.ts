import type { SmsErrorReason } from './error-reason';
import { SmsError } from './sms-error';
import { createErrorMarker } from './error-marker';

const marker = createErrorMarker('ValidationError');

export interface ValidationErrorOptions {
  /** Path of the offending field in the request, e.g. `to`, `body`, `mediaUrls[2]`. */
  field: string;
  /** Machine-readable reason, e.g. `INVALID_PHONE_NUMBER`, `BODY_TOO_LONG`, `OPTED_OUT`. */
  reason: SmsErrorReason;
  /** What is wrong, without the offending value when it is personal (numbers, bodies). */
  problem: string;
  /** How to fix it. */
  fix: string;
  cause?: unknown;
}

/**
 * A request refused before any provider was called. The message names the field and the fix:
 * `to: "+1 415…" is not a valid phone number. Fix: pass an E.164 number such as +14155550100.`
 *
 * @example
 * if (ValidationError.isInstance(error)) console.log(error.field, error.reason);
 */
export class ValidationError extends SmsError {
  readonly field: string;
  readonly fix: string;

  constructor(options: ValidationErrorOptions) {
    super({
      code: 'VALIDATION_ERROR',
      reason: options.reason,
      message: `${options.field}: ${options.problem} Fix: ${options.fix}`,
      retryable: false,
      fault: 'request',
      cause: options.cause,
    });
    this.name = 'ValidationError';
    marker.mark(this);
    this.field = options.field;
    this.fix = options.fix;
  }

  static override isInstance(value: unknown): value is ValidationError {
    return marker.isMarked(value);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, fix: this.fix };
  }
}
