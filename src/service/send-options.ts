import { ValidationError } from '../errors/validation-error';
import type { SmsResultEvent } from '../events/sms-event';

/** How one `SMSService.send()` call differs from the service's defaults. */
export interface SendOptions {
  /**
   * Takes this send's `sms.sent` / `sms.failed` instead of the service's `events` publisher, which then
   * does not see it. The platform worker answers a request with it, so the outcome goes on the bus once,
   * as the worker's response. Called at most once, and not at all when an idempotency key replays an
   * earlier send (that send published its own). `sms.retrying` and quota notices still go to `events`.
   */
  readonly onResultEvent?: (event: SmsResultEvent) => void;
}

/**
 * Refuses options a JavaScript caller got wrong, before anything is sent or published.
 *
 * @example
 * checkSendOptions({ onResultEvent: 'yes' }); // throws ValidationError for options.onResultEvent
 */
export function checkSendOptions(options: unknown): asserts options is SendOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError({ field: 'options', reason: 'INVALID_OPTION', problem: 'is not an object.', fix: 'pass { onResultEvent } or omit the second argument.' });
  }
  const { onResultEvent } = options as { onResultEvent?: unknown };
  if (onResultEvent !== undefined && typeof onResultEvent !== 'function') {
    throw new ValidationError({ field: 'options.onResultEvent', reason: 'INVALID_OPTION', problem: 'is not a function.', fix: 'pass a function that takes the sms.sent / sms.failed event, or omit it.' });
  }
}
