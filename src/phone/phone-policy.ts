/**
 * Internal: reads and checks `PhoneValidationOptions` once per call. Options are a programmer's
 * configuration, not user input, so a mistake throws a `ValidationError` naming `options.<name>`
 * instead of turning into a refused (or, worse, an allowed) number.
 *
 * No caching by options object on purpose: a cached verdict would go stale if the caller mutated
 * its `allowedCountries` array later. The checks allocate nothing but the small policy object (none
 * when options are left out) and cost well under a microsecond for the usual handful of entries.
 */
import { isSupportedCountry } from 'libphonenumber-js/max';
import { ValidationError } from '../errors/validation-error';
import type { CountryCode } from './country-code';
import { PHONE_NUMBER_TYPES, type PhoneNumberType } from './phone-number-type';
import type { PhoneValidationOptions } from './phone-validation-options';

export interface PhonePolicy {
  readonly defaultCountry: CountryCode | undefined;
  readonly allowedCountries: readonly CountryCode[] | undefined;
  readonly blockedTypes: readonly PhoneNumberType[];
  readonly allowedTypes: readonly PhoneNumberType[] | undefined;
}

/** Premium-rate and shared-cost destinations are where SMS pumping pays (docs/phone-numbers.md#the-rules-in-order). */
const DEFAULT_BLOCKED_TYPES: readonly PhoneNumberType[] = Object.freeze(['PREMIUM_RATE', 'SHARED_COST']);

const DEFAULT_POLICY: PhonePolicy = Object.freeze({
  defaultCountry: undefined,
  allowedCountries: undefined,
  blockedTypes: DEFAULT_BLOCKED_TYPES,
  allowedTypes: undefined,
});

const KNOWN_TYPES: ReadonlySet<string> = new Set(PHONE_NUMBER_TYPES);
const OPTION_KEYS: ReadonlySet<string> = new Set([
  'defaultCountry',
  'allowedCountries',
  'allowedTypes',
  'blockedTypes',
]);

const COUNTRY_FIX = "use an upper-case ISO 3166-1 alpha-2 country code such as 'US' or 'GB'.";
const TYPE_FIX = `use one of ${PHONE_NUMBER_TYPES.join(', ')}.`;

/**
 * Checks `options` and returns the policy to apply. `extraKey` names one more key the caller's own
 * options may carry (`field` for `toE164`), which the policy itself ignores.
 */
export function readPhonePolicy(options: unknown, extraKey?: string): PhonePolicy {
  if (options === undefined) return DEFAULT_POLICY;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw optionError(
      'options',
      `must be an object, got ${describeValue(options)}.`,
      'pass an options object or leave it out.',
    );
  }
  // for…in instead of Object.keys(): no array allocated on the hot path.
  for (const key in options) {
    if (!Object.hasOwn(options, key) || OPTION_KEYS.has(key) || key === extraKey) continue;
    throw optionError(
      `options.${key}`,
      'is not a known option.',
      `use only ${[...OPTION_KEYS, ...(extraKey === undefined ? [] : [extraKey])].join(', ')}.`,
    );
  }
  const { defaultCountry, allowedCountries, allowedTypes, blockedTypes } = options as PhoneValidationOptions;

  if (defaultCountry !== undefined && !isCountryCode(defaultCountry)) {
    throw optionError(
      'options.defaultCountry',
      `${describeValue(defaultCountry)} is not a supported country.`,
      COUNTRY_FIX,
    );
  }
  if (allowedCountries !== undefined) checkAllowedCountries(allowedCountries);
  if (blockedTypes !== undefined) checkTypes('options.blockedTypes', blockedTypes);
  const effectiveBlockedTypes = blockedTypes ?? DEFAULT_BLOCKED_TYPES;
  if (allowedTypes !== undefined) {
    checkTypes('options.allowedTypes', allowedTypes);
    for (const type of allowedTypes) {
      if (effectiveBlockedTypes.includes(type)) continue;
      // allowedTypes only lifts blocks; accepting a no-op entry would let ['MOBILE'] pass for "mobiles only".
      throw optionError(
        'options.allowedTypes',
        `lists '${type}', which is not blocked, so allowing it has no effect ` +
          '(allowedTypes only makes exceptions to blockedTypes).',
        'remove it; to allow only some types, list the others in options.blockedTypes.',
      );
    }
  }
  return { defaultCountry, allowedCountries, blockedTypes: effectiveBlockedTypes, allowedTypes };
}

function checkAllowedCountries(allowedCountries: unknown): void {
  if (!Array.isArray(allowedCountries)) {
    throw optionError(
      'options.allowedCountries',
      `must be an array, got ${describeValue(allowedCountries)}.`,
      "pass country codes such as ['US', 'CA'].",
    );
  }
  if (allowedCountries.length === 0) {
    // An empty allowlist would refuse every number: far more likely a configuration slip (an unset
    // environment variable split into []) than a wish.
    throw optionError(
      'options.allowedCountries',
      'is empty, which would refuse every number.',
      'list at least one country, or leave allowedCountries out to allow every country.',
    );
  }
  for (let index = 0; index < allowedCountries.length; index++) {
    const country: unknown = allowedCountries[index];
    if (isCountryCode(country)) continue;
    throw optionError(
      'options.allowedCountries',
      `entry ${index} (${describeValue(country)}) is not a supported country.`,
      COUNTRY_FIX,
    );
  }
}

function checkTypes(field: string, types: unknown): void {
  if (!Array.isArray(types)) {
    throw optionError(
      field,
      `must be an array, got ${describeValue(types)}.`,
      `pass number types such as ['PREMIUM_RATE']; ${TYPE_FIX}`,
    );
  }
  for (let index = 0; index < types.length; index++) {
    const type: unknown = types[index];
    if (typeof type === 'string' && KNOWN_TYPES.has(type)) continue;
    throw optionError(field, `entry ${index} (${describeValue(type)}) is not a phone number type.`, TYPE_FIX);
  }
}

function isCountryCode(value: unknown): value is CountryCode {
  // isSupportedCountry() is case-sensitive ('us' is false), which is what the CountryCode type says.
  return typeof value === 'string' && isSupportedCountry(value);
}

function optionError(field: string, problem: string, fix: string): ValidationError {
  return new ValidationError({ field, reason: 'INVALID_OPTION', problem, fix });
}

/** Shape of a country or type name: the only strings worth quoting back. */
const CODE_LIKE = /^[A-Za-z_]{1,24}$/;

/**
 * Option values are configuration, so a mistyped code is quoted back to help; any other string is
 * not, in case a phone number landed in the wrong option (`defaultCountry: '+14155550100'`).
 */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return CODE_LIKE.test(value) ? `"${value}"` : 'a string that is not a code';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
