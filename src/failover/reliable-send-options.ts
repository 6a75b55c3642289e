import type { SmsError } from '../errors/sms-error';
import type { ProviderSendOptions } from '../providers/provider';

/** A retry the retrying provider is about to make; `SMSService` publishes it as `sms.retrying`. */
export interface ProviderRetry {
  /** Number of the attempt about to start: 2 for the first retry. */
  readonly attempt: number;
  /** Milliseconds waited before that attempt starts. */
  readonly delayMs: number;
  /** Provider whose failure caused the retry, when one provider did. */
  readonly provider: string | null;
  /** The transient, not-sent failure that caused it (for a chain of providers, the one whose Retry-After set the delay, else the last). */
  readonly error: SmsError;
}

/**
 * `ProviderSendOptions` plus a retry listener. Every decorator of this library forwards the options
 * it was given, so a listener passed to the outermost provider reaches the retrying one wherever it
 * sits; a plain adapter ignores it.
 */
export interface ReliableSendOptions extends ProviderSendOptions {
  /** Told before each retry's wait starts. A listener that throws never changes the send. */
  readonly onRetry?: (retry: ProviderRetry) => void | Promise<void>;
}
