/**
 * Whether a request looks like a signed Vonage webhook, before verification: `Authorization: Bearer`
 * with a JSON Web Token whose claims carry `payload_hash`, the body hash Vonage's signed webhooks include
 * (https://developer.vonage.com/en/messages/concepts/signed-webhooks). `Authorization` alone is not
 * enough: a host's gateway or a proxy may add Basic auth or its own bearer token to any vendor's request,
 * and that request must stay Twilio's, Telnyx's or Plivo's. Never throws.
 *
 * @example
 * claimsVonageRequest(request.headers); // false for `Authorization: Basic …`
 */
export function claimsVonageRequest(headers: Headers): boolean {
  const token = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(headers.get('authorization') ?? '');
  const encodedClaims = token?.[2];
  if (encodedClaims === undefined) return false;
  try {
    const claims: unknown = JSON.parse(Buffer.from(encodedClaims, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && typeof (claims as { payload_hash?: unknown }).payload_hash === 'string';
  } catch {
    return false;
  }
}
