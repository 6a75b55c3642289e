/**
 * An ISO 3166-1 alpha-2 country code as libphonenumber-js knows it (`'US'`, `'GB'`…), including the
 * few unofficial codes it supports such as `'XK'` (README "Country Code"). Re-exported so hosts can
 * type `allowedCountries` without depending on libphonenumber-js themselves.
 */
export type { CountryCode } from 'libphonenumber-js/max';
