import { describeValue } from './describe-value';
import { optionError } from './option-error';

/**
 * `value` if it is a boolean, `fallback` if undefined; throws a `ValidationError` naming the field otherwise.
 *
 * @example
 * readBoolean('options.resendNotSent', undefined, false); // false
 */
export function readBoolean(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw optionError(field, `must be true or false, got ${describeValue(value)}.`, 'pass true or false, or omit it.');
  return value;
}
