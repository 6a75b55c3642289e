/**
 * Sender shapes every provider accepts (Twilio and Telnyx docs, docs/sending.md#the-request): an E.164 number, an
 * alphanumeric sender id (1–11 letters, digits or spaces, at least one letter), or a short code (3–8
 * digits depending on the country; 5–6 in the US and Canada).
 */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;
export const ALPHANUMERIC_SENDER_PATTERN = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
export const SHORT_CODE_PATTERN = /^\d{3,8}$/;

/** True for an E.164 number, an alphanumeric sender id or a short code. */
export function isSenderShape(value: string): boolean {
  return E164_PATTERN.test(value) || ALPHANUMERIC_SENDER_PATTERN.test(value) || SHORT_CODE_PATTERN.test(value);
}
