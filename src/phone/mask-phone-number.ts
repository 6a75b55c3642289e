/** Shown instead of each hidden digit. */
const MASK = '•';
/** Only '+' and 1–15 ASCII digits look like a number worth partly showing. */
const NUMBER_SHAPE = /^\+?\d{1,15}$/;
/** At least this many digits stay hidden, so the output can never be the number. */
const MIN_HIDDEN_DIGITS = 3;
/** Most digits shown at each end: enough to recognise the country and the line in logs. */
const MAX_SHOWN_DIGITS = 4;
/** Below two shown digits per end, showing any adds little; short numbers are masked wholly. */
const MIN_SHOWN_DIGITS = 2;
/** Cap for wholly masked odd input, so a huge string does not become a huge log line. */
const MAX_MASK_LENGTH = 16;

/**
 * A log-safe form of a phone number: the leading `+`, up to the first four and last four digits, and
 * one `•` per hidden digit. At least three digits are always hidden, and numbers of six digits or
 * fewer are masked wholly. Anything that is not `+` and 1–15 ASCII digits (formatted or junk input)
 * is masked wholly too, since we cannot tell which parts are digits worth hiding. Never returns the
 * full number, so it is safe for logs, events and error messages (docs/errors.md#nothing-personal-in-errors; fraud tooling
 * also reasons in prefixes, "the number without its last four digits").
 *
 * @example
 * maskPhoneNumber('+14155550100'); // '+1415•••0100'
 * maskPhoneNumber('+447400123456'); // '+4474••••3456'
 * maskPhoneNumber('+4930123'); // '+49•••23'
 * maskPhoneNumber('+1 415 555 0100'); // '•••••••••••••••' (not E.164-shaped: masked wholly)
 */
export function maskPhoneNumber(value: string): string {
  if (typeof value !== 'string') return MASK.repeat(3);
  if (!NUMBER_SHAPE.test(value)) return MASK.repeat(Math.min(value.length, MAX_MASK_LENGTH));
  const plus = value.startsWith('+') ? '+' : '';
  const digits = plus === '' ? value : value.slice(1);
  const shown = Math.min(MAX_SHOWN_DIGITS, Math.floor((digits.length - MIN_HIDDEN_DIGITS) / 2));
  if (shown < MIN_SHOWN_DIGITS) return plus + MASK.repeat(digits.length);
  return plus + digits.slice(0, shown) + MASK.repeat(digits.length - 2 * shown) + digits.slice(-shown);
}
