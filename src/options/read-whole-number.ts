import { describeValue } from './describe-value';
import { optionError } from './option-error';

export interface WholeNumberRange {
  readonly minimum: number;
  readonly maximum: number;
}

/**
 * `value` if it is a whole number in the range, `fallback` if undefined; throws otherwise. A value of
 * another type is named as such ("must be a number, got a string"), not as out of range.
 */
export function readWholeNumber(field: string, value: unknown, fallback: number, range: WholeNumberRange): number;
export function readWholeNumber(field: string, value: unknown, fallback: undefined, range: WholeNumberRange): number | undefined;
export function readWholeNumber(field: string, value: unknown, fallback: number | undefined, { minimum, maximum }: WholeNumberRange): number | undefined {
  if (value === undefined) return fallback;
  const fix = `pass a whole number from ${minimum} to ${maximum}.`;
  if (typeof value !== 'number') throw optionError(field, `must be a number, got ${describeValue(value)}.`, fix);
  if (!Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw optionError(field, `${describeValue(value)} is not a whole number from ${minimum} to ${maximum}.`, fix);
  }
  return value;
}
