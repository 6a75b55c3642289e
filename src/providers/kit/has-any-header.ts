/**
 * A webhook `claims` test for vendors that sign with headers of their own (`X-Twilio-Signature`,
 * `telnyx-signature-ed25519`): a request carrying any of `names` is the vendor's to verify.
 *
 * @example
 * const claims = hasAnyHeader(['x-acme-signature']);
 * claims(new Headers({ 'X-Acme-Signature': 'sig' })); // true
 */
export function hasAnyHeader(names: readonly string[]): (headers: Headers) => boolean {
  return (headers) => names.some((name) => headers.has(name));
}
