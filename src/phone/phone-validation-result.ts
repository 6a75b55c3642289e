import type { CountryCode } from './country-code';
import type { E164 } from './e164';
import type { PhoneNumberType } from './phone-number-type';
import type { PhoneValidationReason } from './phone-validation-reason';

/**
 * What `validatePhoneNumber` returns. On success `country` is `undefined` for numbers of
 * non-geographic numbering plans (`+800`, `+870`, `+979`…), which belong to no country (libphonenumber-js
 * README "Non-Geographic"). On failure `message` is human text with the fix and never the number.
 */
export type PhoneValidationResult =
  | { valid: true; e164: E164; country: CountryCode | undefined; type: PhoneNumberType }
  | { valid: false; reason: PhoneValidationReason; message: string };
