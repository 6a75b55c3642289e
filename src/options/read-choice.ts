import { describeValue } from './describe-value';
import { optionError } from './option-error';

/** `value` if it is one of `choices`, `choices[0]` (the default) if undefined; throws otherwise. */
export function readChoice<Choice extends string>(field: string, value: unknown, choices: readonly [Choice, ...Choice[]]): Choice {
  if (value === undefined) return choices[0];
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw optionError(field, `${describeValue(value)} is not allowed.`, `pass one of ${choices.map((choice) => `'${choice}'`).join(', ')}.`);
  }
  return value as Choice;
}
