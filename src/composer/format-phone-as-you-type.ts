import { AsYouType, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/min';

export interface PhoneInputOptions {
  /** The country of numbers typed without `+` (ISO 3166-1 alpha-2, e.g. `GB`). Without it, input must start with `+`. */
  readonly defaultCountry?: CountryCode;
}

/** What a phone field shows as the user types. */
export interface PhoneInputState {
  /** The input formatted for display (`+1 415 555 2671`, `07911 123456`). */
  readonly formatted: string;
  /** The number in E.164 once it is complete and valid, else null: what the form submits. */
  readonly e164: string | null;
  /** The country the number belongs to, once known. */
  readonly country: CountryCode | null;
  /** `valid`: submit it; `incomplete`: keep typing; `invalid`: too long or not a number of any country. */
  readonly verdict: 'valid' | 'incomplete' | 'invalid';
}

/**
 * As-you-type formatting with an E.164 verdict for a phone field, on libphonenumber-js's compact metadata
 * (https://gitlab.com/catamphetamine/libphonenumber-js#min-vs-max-vs-mobile-vs-core) so it fits a browser
 * bundle. That metadata checks a number's length and leading digits for its country; the server's
 * `validatePhoneNumber` (full metadata) stays the authority, so a number shown `valid` can still be refused
 * there in rare cases (docs/composer.md#phone-field).
 *
 * @example
 * formatPhoneAsYouType('+14155552671').e164; // '+14155552671'
 */
export function formatPhoneAsYouType(input: string, options: PhoneInputOptions = {}): PhoneInputState {
  const typer = options.defaultCountry === undefined ? new AsYouType() : new AsYouType(options.defaultCountry);
  const formatted = typer.input(input);
  const digits = input.replace(/\D/g, '');
  if (/[A-Za-z]/.test(input)) return { formatted, e164: null, country: null, verdict: 'invalid' };
  if (digits === '') return { formatted, e164: null, country: null, verdict: 'incomplete' };
  const defaultCountry = options.defaultCountry;
  const parsed = defaultCountry === undefined ? parsePhoneNumberFromString(input) : parsePhoneNumberFromString(input, defaultCountry);
  const country = parsed?.country ?? typer.getCountry() ?? null;
  if (parsed?.isValid() === true) return { formatted, e164: parsed.number, country, verdict: 'valid' };
  // Too short is the only problem more typing fixes; a wrong length, country or leading digits is not.
  const lengthProblem = defaultCountry === undefined ? validatePhoneNumberLength(input) : validatePhoneNumberLength(input, defaultCountry);
  return { formatted, e164: null, country, verdict: lengthProblem === 'TOO_SHORT' ? 'incomplete' : 'invalid' };
}
