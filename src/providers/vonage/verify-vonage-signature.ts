import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { systemClock, type Clock } from '../../clock';
import { rejected, type WebhookVerification } from '../kit/webhook-verification';

/** Seconds a webhook's `iat` may be away from this server's clock, both directions (docs/vonage.md#webhooks). */
export const VONAGE_DEFAULT_TOLERANCE_SECONDS = 300;

export interface VerifyVonageSignatureOptions {
  /** The `Authorization` header: `Bearer <JWT>`. */
  authorization: string | null | undefined;
  /** The raw request body, byte for byte (a string is hashed as its UTF-8). */
  rawBody: string | Uint8Array;
  /** The account's signature secret, or several during a rotation. None refuses every request. */
  signatureSecrets: readonly string[];
  /** Default 300. */
  toleranceSeconds?: number;
  /** Default the system clock. */
  clock?: Clock;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Verifies a signed Messages API webhook (https://developer.vonage.com/en/messages/concepts/signed-webhooks):
 * `Authorization: Bearer <JWT>`, the JWT signed HS256 with the account's signature secret (Vonage:
 * "SHA-256 is always used" for Messages webhooks, whatever the dashboard's signature method says).
 * The adapter checks, in order: the header's shape; `alg` is exactly `HS256` (never `none`, never
 * RS256 with the secret as a "public key"); the HMAC with any configured secret, compared in constant
 * time; `iat` within the tolerance, and `exp` when present; and `payload_hash`, the SHA-256 hex of the
 * raw body, so a captured token cannot carry another body. Never throws.
 *
 * @example
 * verifyVonageSignature({ authorization: request.headers.get('authorization'), rawBody, signatureSecrets: [secret] }).valid;
 */
export function verifyVonageSignature(options: VerifyVonageSignatureOptions): WebhookVerification {
  if (options.signatureSecrets.length === 0) {
    return rejected('NO_SECRET_CONFIGURED', 'No Vonage signature secret is configured, so no Vonage webhook can be trusted. Fix: pass the signature secret (Dashboard → API settings).');
  }
  const header = options.authorization ?? '';
  if (header === '') return rejected('MISSING_SIGNATURE', 'The Authorization header is missing: the request did not come from Vonage, a proxy dropped the header, or signed webhooks are off.');
  const token = /^Bearer (\S+)$/.exec(header)?.[1];
  const parts = token?.split('.') ?? [];
  const [encodedHeader, encodedClaims, encodedSignature] = parts;
  if (parts.length !== 3 || encodedHeader === undefined || encodedClaims === undefined || encodedSignature === undefined || !parts.every((part) => BASE64URL.test(part))) {
    return rejected('MALFORMED_SIGNATURE', 'The Authorization header is not "Bearer " followed by a JSON Web Token (three base64url parts).');
  }
  const jwtHeader = readJson(encodedHeader);
  if (jwtHeader?.alg !== 'HS256') return rejected('MALFORMED_SIGNATURE', 'The webhook JWT is not signed with HS256, the only algorithm Vonage uses for Messages webhooks.');
  const signature = Buffer.from(encodedSignature, 'base64url');
  const signed = Buffer.from(`${encodedHeader}.${encodedClaims}`, 'utf8');
  const index = options.signatureSecrets.findIndex((secret) => {
    const expected = createHmac('sha256', secret).update(signed).digest();
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  });
  if (index === -1) {
    return rejected(
      'SIGNATURE_MISMATCH',
      'The webhook JWT was not signed with any configured signature secret. Usual causes: the secret belongs to another Vonage account (or sub-account), it was rotated in the dashboard, or the request did not come from Vonage.',
    );
  }
  const claims = readJson(encodedClaims);
  if (claims === undefined) return rejected('MALFORMED_SIGNATURE', 'The webhook JWT claims are not a JSON object.');
  const tolerance = options.toleranceSeconds ?? VONAGE_DEFAULT_TOLERANCE_SECONDS;
  const now = Math.floor((options.clock ?? systemClock).now() / 1000);
  if (claims.iat === undefined) return rejected('MISSING_TIMESTAMP', 'The webhook JWT has no iat claim, so its age cannot be checked.');
  if (!Number.isSafeInteger(claims.iat)) return rejected('MALFORMED_TIMESTAMP', 'The webhook JWT iat claim is not a whole number of Unix seconds.');
  const skew = (claims.iat as number) - now;
  if (Math.abs(skew) > tolerance) {
    return rejected(
      'TIMESTAMP_OUT_OF_TOLERANCE',
      `The webhook JWT was issued ${Math.abs(skew)} s ${skew < 0 ? 'ago' : 'in the future'}; at most ${tolerance} s either way is accepted. A replayed request, a request held in a queue, or a wrong clock on this server (check NTP).`,
    );
  }
  if (claims.exp !== undefined && (!Number.isSafeInteger(claims.exp) || (claims.exp as number) < now - tolerance)) {
    return rejected('TIMESTAMP_OUT_OF_TOLERANCE', 'The webhook JWT has expired (its exp claim is in the past).');
  }
  const body = typeof options.rawBody === 'string' ? Buffer.from(options.rawBody, 'utf8') : options.rawBody;
  const bodyHash = createHash('sha256').update(body).digest('hex');
  if (typeof claims.payload_hash !== 'string' || claims.payload_hash.toLowerCase() !== bodyHash) {
    return rejected(
      'BODY_HASH_MISMATCH',
      'The SHA-256 of the body is not the webhook JWT payload_hash claim. Usual cause: the body was parsed and serialised again instead of passing the raw bytes; else the body was changed in transit or the token replayed with another body.',
    );
  }
  return { valid: true, secretIndex: index };
}

function readJson(encoded: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
