/**
 * Internal: the problem and fix texts behind every refusal. Written to follow a field name
 * (`to: has no country code… Fix: …`, the `ValidationError` message shape) and never to contain the
 * number itself, which is personal data (docs/errors.md#nothing-personal-in-errors; `SmsError.toJSON` relies on messages being
 * log-safe). Constant texts are built once here rather than per refusal.
 */
import type { CountryCode } from './country-code';
import type { PhoneNumberType } from './phone-number-type';
import type { PhoneValidationReason } from './phone-validation-reason';

export interface PhoneFailure {
  readonly valid: false;
  readonly reason: PhoneValidationReason;
  /** What is wrong, phrased to follow the field name. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

const E164_FIX = 'pass an E.164 number such as +14155550100.';

function failure(reason: PhoneValidationReason, problem: string, fix = E164_FIX): PhoneFailure {
  return Object.freeze({ valid: false, reason, problem, fix });
}

export const EMPTY = failure('EMPTY', 'is empty: it contains no digits.');
export const MISPLACED_PLUS = failure(
  'INVALID_CHARACTERS',
  "has a '+' that is not at the start.",
  "put a single '+' before the country code, e.g. +14155550100.",
);
export const MISSING_COUNTRY_CODE = failure(
  'MISSING_COUNTRY_CODE',
  "has no country code: it does not start with '+'.",
  'pass an E.164 number such as +14155550100, or set options.defaultCountry to read national numbers.',
);
export const TOO_LONG_INPUT = failure('TOO_LONG', 'is longer than any phone number can be.');
export const TOO_MANY_DIGITS = failure('TOO_LONG', 'has more digits than the 15 E.164 allows.');
export const TOO_SHORT = failure('TOO_SHORT', 'is too short to be a phone number of its country.');
export const TOO_LONG_FOR_COUNTRY = failure('TOO_LONG', 'is too long to be a phone number of its country.');
export const INVALID_COUNTRY_CODE = failure(
  'INVALID_COUNTRY_CODE',
  'does not start with an existing country calling code.',
  'check the digits after the +, e.g. +1 for the US or +44 for the UK, and pass an E.164 number such as +14155550100.',
);
export const INVALID_NUMBER = failure(
  'INVALID_NUMBER',
  'is not a valid phone number: its digits are not an assigned number range of its country.',
  'check the number for typos and pass an E.164 number such as +14155550100.',
);
export const NON_GEOGRAPHIC_NOT_ALLOWED = failure(
  'COUNTRY_NOT_ALLOWED',
  'belongs to a non-geographic numbering plan (such as +800 or +870), which options.allowedCountries cannot allow.',
  'send to a number of one of the allowed countries.',
);

export function notAString(input: unknown): PhoneFailure {
  const kind = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
  return failure(
    'NOT_A_STRING',
    `must be a string, got ${kind}.`,
    'pass the number as a string in E.164 format, such as +14155550100.',
  );
}

export function invalidCharacter(code: number, index: number): PhoneFailure {
  // The code point and position help find an invisible character without echoing the input.
  const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return failure(
    'INVALID_CHARACTERS',
    `contains a character a phone number cannot have (${codePoint} at index ${index}); ` +
      'letters, extensions, control characters and non-ASCII digits are refused.',
    "use only ASCII digits, one leading '+' and the separators space, '-', '.', '(' or ')', " +
      'e.g. +14155550100; send any extension separately.',
  );
}

export function countryNotAllowed(country: CountryCode, allowedCountries: readonly CountryCode[]): PhoneFailure {
  // A long allowlist is cut short: the message is for a person reading a log line.
  const allowed =
    allowedCountries.length <= 10 ? allowedCountries.join(', ') : `${allowedCountries.slice(0, 10).join(', ')}…`;
  return failure(
    'COUNTRY_NOT_ALLOWED',
    `is a ${country} number, and ${country} is not in options.allowedCountries (${allowed}).`,
    `send to a number of an allowed country, or add '${country}' to options.allowedCountries.`,
  );
}

export function blockedType(type: PhoneNumberType): PhoneFailure {
  return failure(
    'BLOCKED_NUMBER_TYPE',
    `is a ${type} number, a type that is blocked to prevent toll fraud and SMS pumping.`,
    `send to a different number, or add '${type}' to options.allowedTypes if this destination is intended.`,
  );
}
