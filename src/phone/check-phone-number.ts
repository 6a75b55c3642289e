/**
 * Internal: the one validation pipeline behind `validatePhoneNumber` and `toE164`.
 *
 * 1. Pre-check the raw string ourselves, because libphonenumber-js is lenient on purpose: it extracts
 *    a number from surrounding text (`'sdf0541234567sdf'` parses; docs/phone-numbers.md#the-rules-in-order),
 *    strips `;ext=`/`x12` extensions and reads fullwidth digits. Only ASCII digits, one leading `+` and
 *    the separators space, no-break space, `-`, `.`, `(`, `)` pass (docs/phone-numbers.md#the-rules-in-order: "normalise first,
 *    then require a strict canonical form").
 * 2. Parse the normalised digits with `libphonenumber-js/max`: the default `min` metadata makes
 *    `isValid()` a length check and `getType()` mostly `undefined` (https://gitlab.com/catamphetamine/libphonenumber-js README).
 * 3. Apply the policy: destination country, then number type.
 */
import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode as LibraryCountryCode,
} from 'libphonenumber-js/max';
import type { E164 } from './e164';
import { isE164 } from './is-e164';
import {
  EMPTY,
  INVALID_COUNTRY_CODE,
  INVALID_NUMBER,
  MISPLACED_PLUS,
  MISSING_COUNTRY_CODE,
  NON_GEOGRAPHIC_NOT_ALLOWED,
  TOO_LONG_FOR_COUNTRY,
  TOO_LONG_INPUT,
  TOO_MANY_DIGITS,
  TOO_SHORT,
  blockedType,
  countryNotAllowed,
  invalidCharacter,
  notAString,
  type PhoneFailure,
} from './phone-failure';
import type { PhoneNumberType } from './phone-number-type';
import type { PhonePolicy } from './phone-policy';

/** Same shape as the success branch of `PhoneValidationResult`, so it is returned as is. */
export interface PhoneSuccess {
  valid: true;
  e164: E164;
  country: LibraryCountryCode | undefined;
  type: PhoneNumberType;
}

/** E.164 caps a number at 15 digits, country code included (ITU-T E.164, docs/phone-numbers.md#the-rules-in-order). */
const MAX_E164_DIGITS = 15;
/**
 * Refuse absurdly long strings before looking at them, so a megabyte of input costs nothing. 64 leaves
 * room for a separator between every digit and some padding.
 */
const MAX_INPUT_LENGTH = 64;

const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;
const PLUS = 0x2b;
const SPACE = 0x20;
/**
 * No-break space is accepted as a separator: copying a number from a web page, a spreadsheet or French
 * typography often brings it along, and it carries no meaning. Other Unicode spaces are refused.
 */
const NO_BREAK_SPACE = 0xa0;
const HYPHEN = 0x2d;
const FULL_STOP = 0x2e;
const LEFT_PARENTHESIS = 0x28;
const RIGHT_PARENTHESIS = 0x29;

const SEPARATORS = /[ \u00a0\-.()]/g;

interface ParseOptions {
  readonly defaultCountry?: LibraryCountryCode;
  readonly extract: false;
}
/**
 * `extract: false` makes the parser treat the whole string as the number instead of searching it
 * (README "Strictness"); after our pre-check there is nothing else in it, so this is defence in depth.
 */
const INTERNATIONAL_PARSE_OPTIONS: ParseOptions = Object.freeze({ extract: false });
/**
 * Built lazily, once per default country, so national parsing allocates no options per call. Bounded:
 * only countries `readPhonePolicy` accepted get here.
 */
const nationalParseOptions = new Map<LibraryCountryCode, ParseOptions>();

/**
 * Types forced by calling code whatever the metadata says: +979 is the International Premium Rate
 * Service and +808 the Universal International Shared Cost Number (libphonenumber-js README
 * "Non-Geographic"). The current metadata already types them so; this keeps them blocked even if a
 * metadata update stopped doing so, instead of letting them through as `UNKNOWN`.
 */
const TYPE_BY_CALLING_CODE: ReadonlyMap<string, PhoneNumberType> = new Map([
  ['979', 'PREMIUM_RATE'],
  ['808', 'SHARED_COST'],
]);

export function checkPhoneNumber(input: unknown, policy: PhonePolicy): PhoneSuccess | PhoneFailure {
  if (typeof input !== 'string') return notAString(input);
  if (input.length > MAX_INPUT_LENGTH) return TOO_LONG_INPUT;

  // One pass over char codes: no regex, no allocation for the common already-E.164 input.
  let digits = 0;
  let firstDigit = -1;
  let hasPlus = false;
  let hasSeparators = false;
  let seenContent = false;
  for (let index = 0; index < input.length; index++) {
    const code = input.charCodeAt(index);
    if (code >= DIGIT_ZERO && code <= DIGIT_NINE) {
      if (digits === 0) firstDigit = code;
      digits++;
      seenContent = true;
      continue;
    }
    switch (code) {
      case PLUS:
        // Only leading spaces may come before the '+': '(+44)', '44+…' and '++44' are refused.
        if (seenContent) return MISPLACED_PLUS;
        hasPlus = true;
        seenContent = true;
        continue;
      case SPACE:
      case NO_BREAK_SPACE:
        hasSeparators = true;
        continue;
      case HYPHEN:
      case FULL_STOP:
      case LEFT_PARENTHESIS:
      case RIGHT_PARENTHESIS:
        hasSeparators = true;
        seenContent = true;
        continue;
      default:
        return invalidCharacter(code, index);
    }
  }

  if (digits === 0) return EMPTY;
  const defaultCountry = policy.defaultCountry;
  let parseOptions: ParseOptions;
  if (hasPlus) {
    if (digits > MAX_E164_DIGITS) return TOO_MANY_DIGITS;
    // No country calling code starts with 0; libphonenumber-js would call '+0…' merely too short.
    if (firstDigit === DIGIT_ZERO) return INVALID_COUNTRY_CODE;
    parseOptions = INTERNATIONAL_PARSE_OPTIONS;
  } else {
    if (defaultCountry === undefined) return MISSING_COUNTRY_CODE;
    // No digit cap here: national input may carry digits E.164 drops, a trunk prefix ('0412…') or an
    // international dialling prefix ('0011 44…' with AU). The parser measures it against the country,
    // and the E.164 result is held to 15 digits below; MAX_INPUT_LENGTH already bounds the work.
    parseOptions = nationalParseOptionsFor(defaultCountry);
  }

  // Hand the parser exactly the characters we checked. '+44 (0)20…' still reads right: the parser
  // drops the national prefix from '+44020…' too.
  const normalized = hasSeparators ? input.replace(SEPARATORS, '') : input;
  const phoneNumber = parsePhoneNumberFromString(normalized, parseOptions);
  if (phoneNumber === undefined) return explainInvalid(normalized, defaultCountry);

  // With max metadata isValid() is `getType() !== undefined` whenever the numbering plan has types
  // (libphonenumber-js source/isValid.js), so a known type already proves validity and saves a second
  // round of pattern matching; isValid() still decides for numbers without a type.
  const libraryType = phoneNumber.getType();
  if (libraryType === undefined && !phoneNumber.isValid()) return explainInvalid(normalized, defaultCountry);

  const e164 = phoneNumber.number;
  // A valid number can still exceed E.164: German fixed lines go up to 15 national digits (+49 plus
  // 15 = 17 digits), and providers require E.164 (Telnyx 10016 "must be in +E.164 format",
  // docs/phone-numbers.md#the-rules-in-order).
  if (!isE164(e164)) return TOO_LONG_FOR_COUNTRY;

  const country = phoneNumber.country;
  const allowedCountries = policy.allowedCountries;
  if (allowedCountries !== undefined) {
    // Default-deny: no country (non-geographic plans) is never in the list.
    if (country === undefined) return NON_GEOGRAPHIC_NOT_ALLOWED;
    if (!allowedCountries.includes(country)) return countryNotAllowed(country, allowedCountries);
  }

  const type = TYPE_BY_CALLING_CODE.get(phoneNumber.countryCallingCode) ?? libraryType ?? 'UNKNOWN';
  if (policy.blockedTypes.includes(type) && policy.allowedTypes?.includes(type) !== true) return blockedType(type);

  return { valid: true, e164, country, type };
}

function nationalParseOptionsFor(defaultCountry: LibraryCountryCode): ParseOptions {
  let options = nationalParseOptions.get(defaultCountry);
  if (options === undefined) {
    options = Object.freeze({ defaultCountry, extract: false });
    nationalParseOptions.set(defaultCountry, options);
  }
  return options;
}

/**
 * Turns "did not parse or is not valid" into a precise reason. Only runs on refusals, so the second
 * look at the digits costs nothing on the send path.
 */
function explainInvalid(normalized: string, defaultCountry: LibraryCountryCode | undefined): PhoneFailure {
  const lengthProblem = validatePhoneNumberLength(
    normalized,
    defaultCountry === undefined ? undefined : { defaultCountry },
  );
  switch (lengthProblem) {
    case 'INVALID_COUNTRY':
      return INVALID_COUNTRY_CODE;
    case 'TOO_SHORT':
      return TOO_SHORT;
    case 'TOO_LONG':
      return TOO_LONG_FOR_COUNTRY;
    default:
      // NOT_A_NUMBER, INVALID_LENGTH or a right length in an unassigned range.
      return INVALID_NUMBER;
  }
}
