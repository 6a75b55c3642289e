/**
 * Every number type `validatePhoneNumber` can report. The first eleven are libphonenumber-js's own
 * `PhoneNumberType` values (`getType()` with `libphonenumber-js/max` metadata, README "getType()");
 * `UNKNOWN` stands for a valid number whose type the metadata does not tell (`getType()` returned
 * `undefined`), so callers always get a string to branch and log on.
 *
 * Kept as a runtime list because option validation needs it (`options.blockedTypes` must only name
 * types that exist); the type is derived from it so the two cannot drift apart.
 */
export const PHONE_NUMBER_TYPES = [
  'MOBILE',
  'FIXED_LINE',
  'FIXED_LINE_OR_MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
  'UNKNOWN',
] as const;

/**
 * What kind of line a number is, e.g. `MOBILE`, `FIXED_LINE`, `PREMIUM_RATE`. NANP numbers (US, CA…)
 * come back as `FIXED_LINE_OR_MOBILE` because their numbering plan does not separate the two.
 */
export type PhoneNumberType = (typeof PHONE_NUMBER_TYPES)[number];
