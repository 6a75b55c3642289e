import { SmsError } from './sms-error';

const marker = Symbol.for('@ocelot-platform/tools-core.FinalFailureError');

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
  private readonly [marker] = true;
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
    this.errors = options.errors;
  }

  static override isInstance(value: unknown): value is FinalFailureError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), errors: this.errors.map((error) => error.toJSON()) };
  }
}
