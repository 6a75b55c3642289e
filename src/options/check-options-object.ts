import { describeValue } from './describe-value';
import { isPlainObject } from './is-plain-object';
import { optionError } from './option-error';

/**
 * `value` as a record when it is a plain object whose keys are all in `known`; `{}` when it is undefined
 * and `required` is not set. Throws naming the full path of the first unknown key.
 *
 * @example
 * checkOptionsObject('options.retry', { attempts: 3 }, ['attempts', 'initialDelayMs']); // { attempts: 3 }
 * checkOptionsObject('options.retry', { attempt: 3 }, ['attempts']); // throws: options.retry.attempt is not a known option
 */
export function checkOptionsObject(field: string, value: unknown, known: readonly string[], settings: { readonly required?: boolean; readonly example?: string } = {}): Record<string, unknown> {
  if (value === undefined && settings.required !== true) return {};
  if (!isPlainObject(value)) {
    throw optionError(field, `must be an object, got ${describeValue(value)}.`, settings.example === undefined ? `pass an object with any of ${known.join(', ')}.` : `pass an object such as ${settings.example}.`);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw optionError(`${field}.${key}`, 'is not a known option.', `use only ${known.join(', ')}.`);
  }
  return value;
}
