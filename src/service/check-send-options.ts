import { ValidationError } from '../errors/validation-error';
import type { SendOptions } from './send-options';

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
