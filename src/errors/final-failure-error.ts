import { SmsError } from './sms-error';
import { createErrorMarker } from './error-marker';

const marker = createErrorMarker('FinalFailureError');

export interface FinalFailureErrorOptions {
  message: string;
  /** Every attempt's error, in the order they happened. */
  errors: readonly SmsError[];
}

/**
 * Every provider and every allowed retry failed without sending. `errors` carries each attempt's error
 * so the caller can see why each provider refused.
 */
export class FinalFailureError extends SmsError {
  readonly errors: readonly SmsError[];

  constructor(options: FinalFailureErrorOptions) {
    const last = options.errors.at(-1);
    super({
      code: 'FINAL_FAILURE',
      reason: 'ALL_ATTEMPTS_FAILED',
      message: options.message,
      retryable: options.errors.some((error) => error.retryable),
      fault: options.errors.every((error) => error.fault === 'request') ? 'request' : 'provider',
      outcomeUnknown: false,
      retryAfterMs: last?.retryAfterMs,
      cause: last,
    });
    this.name = 'FinalFailureError';
    marker.mark(this);
    this.errors = options.errors;
  }

  static override isInstance(value: unknown): value is FinalFailureError {
    return marker.isMarked(value);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), errors: this.errors.map((error) => error.toJSON()) };
  }
}
