import { describeValue } from './describe-value';
import { optionError } from './option-error';

/** `value` if it is a function, `fallback` if undefined; throws otherwise. */
export function readFunction<Value extends (...parameters: never[]) => unknown>(field: string, value: unknown, fallback: Value): Value;
export function readFunction<Value extends (...parameters: never[]) => unknown>(field: string, value: unknown): Value | undefined;
export function readFunction<Value extends (...parameters: never[]) => unknown>(field: string, value: unknown, fallback?: Value): Value | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') throw optionError(field, `must be a function, got ${describeValue(value)}.`, 'pass a function or leave it out.');
  return value as Value;
}
