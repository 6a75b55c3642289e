/**
 * A phone number in strict E.164 form: `+`, a country calling code and at most 15 digits in total,
 * nothing else (`+14155550100`). Branded so only `toE164`, `validatePhoneNumber` or `isE164` can
 * produce one, and a raw user string cannot reach a provider by accident.
 */
export type E164 = string & { readonly __brand: 'E164' };
