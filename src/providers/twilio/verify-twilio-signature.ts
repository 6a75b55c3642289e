import { createHash, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../../errors/validation-error';
import { computeTwilioSignature, type TwilioParams } from './compute-twilio-signature';
import { readSecrets } from '../kit/read-secrets';
import { twilioUrlCandidates } from './twilio-url-candidates';
import { rejected, type WebhookVerification } from '../kit/webhook-verification';

export interface VerifyTwilioSignatureOptions {
  /**
   * The full public URL Twilio requested, query included, exactly as configured in Twilio (or as the
   * `StatusCallback` the adapter sent). Behind a proxy that rewrites scheme or host, rebuild it from the
   * public origin: the URL this process sees is not the one Twilio signed.
   */
  url: string;
  /** The POST form parameters, as Twilio sent them (not trimmed, not re-encoded). */
  params?: TwilioParams;
  /** The raw request body; required when the URL carries `bodySHA256` (Twilio JSON webhooks). */
  rawBody?: string | Uint8Array;
  /** The `X-Twilio-Signature` header. */
  signature: string | null | undefined;
  /**
   * The account's Auth Token, or several during a rotation (Twilio signs with the primary token; a
   * secondary that has not been promoted fails with error 57012). None configured refuses every request.
   */
  authTokens: string | readonly string[] | undefined;
}

/**
 * Verifies `X-Twilio-Signature` (HMAC-SHA1 over the URL and the sorted form parameters;
 * docs/webhooks.md#verifying-signatures-yourself): with and without the URL's port, against every configured token, each compare
 * in constant time. A URL carrying `bodySHA256` is a JSON webhook: the signature covers the URL only
 * and the raw body's hex SHA-256 must equal `bodySHA256`. Twilio's signature has no timestamp, so a
 * captured request can be replayed: dedupe on the message and status (createWebhookHandler does).
 *
 * Throws a `ValidationError` for caller mistakes (a relative URL, a JSON webhook without its raw body,
 * a malformed token); answers `{ valid: false, reason, message }` for a request that must be refused.
 *
 * @example
 * const verification = verifyTwilioSignature({
 *   url: 'https://example.com/myapp.php?foo=1&bar=2',
 *   params: { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' },
 *   signature: 'L/OH5YylLD5NRKLltdqwSvS0BnU=',
 *   authTokens: '12345',
 * });
 * verification.valid; // true
 */
export function verifyTwilioSignature(options: VerifyTwilioSignatureOptions): WebhookVerification {
  const tokens = readSecrets(options.authTokens, 'authTokens');
  const url = readUrl(options.url);
  if (tokens.length === 0) {
    return rejected('NO_SECRET_CONFIGURED', 'No Twilio auth token is configured, so no Twilio webhook can be trusted. Fix: pass the account Auth Token (TWILIO_AUTH_TOKEN).');
  }
  const signature = options.signature ?? '';
  if (signature === '') {
    return rejected('MISSING_SIGNATURE', 'The X-Twilio-Signature header is missing: the request did not come from Twilio, or a proxy dropped the header.');
  }
  const bodyHash = url.searchParams.get('bodySHA256');
  const params = bodyHash === null ? (options.params ?? {}) : {};
  const candidates = twilioUrlCandidates(options.url);
  const received = Buffer.from(signature, 'utf8');
  const index = tokens.findIndex((token) => candidates.some((candidate) => safeEqual(received, Buffer.from(computeTwilioSignature(token, candidate, params), 'utf8'))));
  if (index === -1) {
    return rejected(
      'SIGNATURE_MISMATCH',
      `The X-Twilio-Signature does not match ${url.origin}${url.pathname} and the posted parameters with any configured auth token. ` +
        'Usual causes: the URL is not byte-identical to the one Twilio called (behind a proxy the scheme, host or port differ: pin the public origin); ' +
        'the form fields were parsed, trimmed or re-encoded before verification; a JSON body was treated as form data; or the wrong auth token ' +
        '(Twilio signs with the primary token; a secondary token that was not promoted fails with error 57012).',
    );
  }
  if (bodyHash !== null) {
    if (options.rawBody === undefined) {
      throw new ValidationError({
        field: 'rawBody',
        reason: 'INVALID_OPTION',
        problem: 'is missing, but the URL carries bodySHA256: this is a Twilio JSON webhook.',
        fix: 'pass the raw request body as received (a string or bytes), not parsed JSON.',
      });
    }
    const expected = createHash('sha256').update(options.rawBody).digest('hex');
    if (!safeEqual(Buffer.from(bodyHash, 'utf8'), Buffer.from(expected, 'utf8'))) {
      return rejected('BODY_HASH_MISMATCH', 'The body does not match the bodySHA256 in the signed URL. Was the raw body passed, byte for byte, rather than JSON parsed and serialised again?');
    }
  }
  return { valid: true, secretIndex: index };
}

/** Constant-time comparison; the expected length is fixed by the algorithm and not secret. */
function safeEqual(received: Buffer, expected: Buffer): boolean {
  return received.length === expected.length && timingSafeEqual(received, expected);
}

function readUrl(url: unknown): URL {
  try {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) return new URL(url);
  } catch {
    // reported below
  }
  throw new ValidationError({
    field: 'url',
    reason: 'INVALID_OPTION',
    problem: 'is not an absolute http(s) URL (Express and Node give only the path in req.url).',
    fix: 'pass the full public URL Twilio called, query included, e.g. https://api.example.com/webhooks/sms?message_id=….',
  });
}
