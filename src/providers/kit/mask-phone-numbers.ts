/** Longest vendor text kept in an error message. */
const MAX_VENDOR_MESSAGE_LENGTH = 200;
/** Seven or more digits, optionally separated by up to two spaces, dots, dashes, slashes or parentheses. */
const DIGIT_RUN = /\+?\d(?:[\s().\-/]{0,2}\d){6,}/g;

/**
 * Masks every run of seven or more digits (phone numbers, formatted or not) in free text and caps its
 * length, so a vendor message can be logged. Vendors echo the number ("The 'To' number +1415… is
 * not a valid phone number").
 *
 * @example
 * maskPhoneNumbers("The 'To' number +1 415 555 0100 is invalid"); // "The 'To' number [number] is invalid"
 */
export function maskPhoneNumbers(text: string): string {
  const masked = text.replace(DIGIT_RUN, '[number]').replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return masked.length > MAX_VENDOR_MESSAGE_LENGTH ? `${masked.slice(0, MAX_VENDOR_MESSAGE_LENGTH)}…` : masked;
}
