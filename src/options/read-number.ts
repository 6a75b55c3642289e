import { describeValue } from './describe-value';
import { optionError } from './option-error';
import type { WholeNumberRange } from './read-whole-number';

/** `value` if it is a finite number in the range, `fallback` if undefined; throws otherwise. */
export function readNumber(field: string, value: unknown, fallback: number, { minimum, maximum }: WholeNumberRange): number {
  if (value === undefined) return fallback;
  const fix = `pass a number from ${minimum} to ${maximum}.`;
  if (typeof value !== 'number') throw optionError(field, `must be a number, got ${describeValue(value)}.`, fix);
  if (!Number.isFinite(value) || value < minimum || value > maximum) throw optionError(field, `${describeValue(value)} is not a number from ${minimum} to ${maximum}.`, fix);
  return value;
}
