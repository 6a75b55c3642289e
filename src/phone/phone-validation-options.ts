import type { CountryCode } from './country-code';
import type { PhoneNumberType } from './phone-number-type';

/**
 * Policy for `validatePhoneNumber` and `toE164`. Checked on every call: an unknown key, an unknown
 * country or type, or an allowed type that is not blocked throws a `ValidationError` whose `field`
 * is `options.<name>`, because a mistyped guard must fail loudly rather than silently allow more.
 */
export interface PhoneValidationOptions {
  /**
   * ISO 3166-1 alpha-2 country used to read national-format input without `+` (`'0412 345 678'` with
   * `'AU'`). Input that starts with `+` ignores it. Without it, input must start with `+`.
   */
  defaultCountry?: CountryCode;
  /**
   * When given, only numbers of these destination countries pass (default-deny, like provider geo
   * permissions, docs/quotas.md#abuse-guards). Must not be empty. Countries are the ones
   * libphonenumber-js derives: a `+44 7911…` number is Guernsey (`GG`), not `GB`. Numbers of
   * non-geographic plans (`+800`, `+870`, `+979`…) have no country and are always refused here.
   */
  allowedCountries?: readonly CountryCode[];
  /**
   * Exceptions to `blockedTypes`: types listed here pass even though they are blocked, e.g.
   * `['PREMIUM_RATE']`. It is not an allowlist of types; naming a type that is not blocked throws,
   * so `['MOBILE']` cannot be mistaken for "mobiles only" (block the other types for that).
   */
  allowedTypes?: readonly PhoneNumberType[];
  /**
   * Types refused with `BLOCKED_NUMBER_TYPE`; replaces the default `['PREMIUM_RATE', 'SHARED_COST']`,
   * the SMS-pumping destinations of docs/quotas.md#abuse-guards. May include `'UNKNOWN'`.
   */
  blockedTypes?: readonly PhoneNumberType[];
}
