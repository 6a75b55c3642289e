/**
 * Why `validatePhoneNumber` refused a number (also the `reason` of the `ValidationError` `toE164`
 * throws):
 *
 * - `NOT_A_STRING`: the input is not a string.
 * - `EMPTY`: no digits at all (`''`, `'  '`, `'+'`).
 * - `INVALID_CHARACTERS`: anything but digits, one leading `+` and the separators space, no-break
 *   space, `-`, `.`, `(`, `)`; this covers letters, extensions (`;ext=`, `x12`), control characters and
 *   non-ASCII digits.
 * - `MISSING_COUNTRY_CODE`: no leading `+` and no `defaultCountry` to read a national number with.
 * - `TOO_LONG` / `TOO_SHORT`: too many or too few digits (E.164 allows at most 15).
 * - `INVALID_COUNTRY_CODE`: the digits after `+` are not an existing country calling code.
 * - `INVALID_NUMBER`: the right shape, but not an assigned number range for its country.
 * - `COUNTRY_NOT_ALLOWED`: the destination country is not in `allowedCountries`.
 * - `BLOCKED_NUMBER_TYPE`: a blocked type, by default `PREMIUM_RATE` or `SHARED_COST`.
 */
export type PhoneValidationReason =
  | 'NOT_A_STRING'
  | 'EMPTY'
  | 'INVALID_CHARACTERS'
  | 'MISSING_COUNTRY_CODE'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'INVALID_COUNTRY_CODE'
  | 'INVALID_NUMBER'
  | 'COUNTRY_NOT_ALLOWED'
  | 'BLOCKED_NUMBER_TYPE';
