import { ValidationError } from '../errors/validation-error';
import { checkPhoneNumber } from './check-phone-number';
import type { E164 } from './e164';
import { readPhonePolicy } from './phone-policy';
import type { PhoneValidationOptions } from './phone-validation-options';

const DEFAULT_FIELD = 'to';

/**
 * Like `validatePhoneNumber`, but returns the E.164 string or throws. The `ValidationError` carries
 * `field` (default `'to'`), `reason` (the `PhoneValidationReason`) and a message that names the field
 * and the fix without the number, e.g.
 * `to: has no country code: it does not start with '+'. Fix: pass an E.164 number such as +14155550100, …`.
 *
 * @example
 * const to = toE164('(415) 555-0100', { defaultCountry: 'US' }); // '+14155550100'
 *
 * @example
 * try {
 *   toE164(request.from, { field: 'from', allowedCountries: ['US', 'CA'] });
 * } catch (error) {
 *   if (ValidationError.isInstance(error)) console.warn(error.field, error.reason); // 'from', 'COUNTRY_NOT_ALLOWED'
 * }
 */
export function toE164(input: unknown, options?: PhoneValidationOptions & { field?: string }): E164 {
  const policy = readPhonePolicy(options, 'field');
  const field = options?.field ?? DEFAULT_FIELD;
  if (typeof field !== 'string' || field === '') {
    throw new ValidationError({
      field: 'options.field',
      reason: 'INVALID_OPTION',
      problem: 'must be a non-empty string.',
      fix: "name the request field the number came from, e.g. 'to' or 'from'.",
    });
  }
  const result = checkPhoneNumber(input, policy);
  if (result.valid) return result.e164;
  throw new ValidationError({ field, reason: result.reason, problem: result.problem, fix: result.fix });
}
