import type { E164 } from './e164';

/** ITU-T E.164: '+', a first digit 1–9 (no country code starts with 0), at most 15 digits in all. */
const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

/**
 * Whether `value` has the strict E.164 shape. A shape check only: `+19999999999` passes although no
 * such number is assigned; use `validatePhoneNumber` to know whether a number is real and allowed.
 *
 * @example
 * isE164('+14155550100'); // true
 * isE164('+1 415 555 0100'); // false: no separators allowed
 * isE164('004414155550100'); // false: must start with '+'
 */
export function isE164(value: string): value is E164 {
  // typeof guard for JavaScript callers: RegExp.test would coerce 14155550100 to a string.
  return typeof value === 'string' && E164_PATTERN.test(value);
}
