import { checkPhoneNumber } from './check-phone-number';
import { readPhonePolicy } from './phone-policy';
import type { PhoneValidationOptions } from './phone-validation-options';
import type { PhoneValidationResult } from './phone-validation-result';

/**
 * Checks that `input` is a real, allowed destination and returns it in strict E.164 form.
 *
 * The raw string is pre-checked before parsing (only ASCII digits, one leading `+` and the separators
 * space, no-break space, `-`, `.`, `(`, `)`), because libphonenumber-js would otherwise pull a number
 * out of junk like `'call 0541234567 now'` or drop an extension. The number must then be valid by
 * `libphonenumber-js/max` metadata (an assigned range, not just the right length), have at most 15
 * digits, be in `allowedCountries` when given, and not be of a blocked type (by default
 * `PREMIUM_RATE` and `SHARED_COST`, the SMS-pumping destinations; docs/phone-numbers.md#the-rules-in-order).
 *
 * Returns `{ valid: false }` for a bad number, with a `message` that never contains the number.
 * Throws a `ValidationError` (`field` `options.<name>`) when the options themselves are wrong.
 *
 * @example
 * const result = validatePhoneNumber('+44 7400 123456', { allowedCountries: ['GB', 'IE'] });
 * if (result.valid) {
 *   result.e164; // '+447400123456'
 *   result.country; // 'GB'
 *   result.type; // 'MOBILE'
 * } else {
 *   result.reason; // e.g. 'COUNTRY_NOT_ALLOWED'
 * }
 *
 * @example
 * validatePhoneNumber('0412 345 678', { defaultCountry: 'AU' }); // { valid: true, e164: '+61412345678', … }
 * validatePhoneNumber('+19002530000'); // { valid: false, reason: 'BLOCKED_NUMBER_TYPE', … } (US 900: premium rate)
 */
export function validatePhoneNumber(input: unknown, options?: PhoneValidationOptions): PhoneValidationResult {
  const result = checkPhoneNumber(input, readPhonePolicy(options));
  // The success object is fresh per call and already has the public shape: no copy.
  if (result.valid) return result;
  return { valid: false, reason: result.reason, message: `Phone number ${result.problem} Fix: ${result.fix}` };
}
