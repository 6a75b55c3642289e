import type { KeyObject } from 'node:crypto';
import { systemClock, type Clock } from '../../clock';
import { ValidationError } from '../../errors/validation-error';
import { verifyEd25519 } from './ed25519';
import { readTelnyxPublicKeys } from './read-telnyx-public-keys';
import { decodeStrictBase64 } from './strict-base64';
import { rejected, type WebhookVerification } from '../kit/webhook-verification';

/** Telnyx's replay window: `|now − timestamp| > 300 s` is refused (docs/webhooks.md#verifying-signatures-yourself). */
export const TELNYX_DEFAULT_TOLERANCE_SECONDS = 300;

export interface TelnyxSignatureCheck {
  /** The raw request body, byte for byte (bytes are best: a string is signed as its UTF-8). */
  rawBody: string | Uint8Array;
  /** The `telnyx-signature-ed25519` header: base64 of a 64-byte Ed25519 signature. */
  signature: string | null | undefined;
  /** The `telnyx-timestamp` header: Unix seconds. */
  timestamp: string | null | undefined;
  /** Seconds the timestamp may be away from this server's clock, both directions. Default 300. */
  toleranceSeconds?: number;
  /** Turns the timestamp check off (replays become possible); a tolerance of 0 never does that silently. */
  dangerouslyDisableTimestampCheck?: boolean;
  /** Default the system clock. */
  clock?: Clock;
}

export interface VerifyTelnyxSignatureOptions extends TelnyxSignatureCheck {
  /** The account's public key (base64, 32 bytes), or several. None configured refuses every request. */
  publicKeys: string | readonly string[] | undefined;
}

/**
 * Verifies a Telnyx webhook: Ed25519 over `${telnyx-timestamp}|${rawBody}` with the account public
 * key, the timestamp within ±300 s of this server's clock (both directions, unlike Telnyx's legacy
 * SDK), the signature strict base64 of exactly 64 bytes, and several keys accepted (docs/webhooks.md#verifying-signatures-yourself).
 * Throws a `ValidationError` for a malformed key or tolerance (configuration mistakes).
 *
 * @example
 * const verification = verifyTelnyxSignature({
 *   rawBody, publicKeys: process.env.TELNYX_PUBLIC_KEY,
 *   signature: request.headers.get('telnyx-signature-ed25519'), timestamp: request.headers.get('telnyx-timestamp'),
 * });
 * if (!verification.valid) return new Response(verification.message, { status: 403 });
 */
export function verifyTelnyxSignature(options: VerifyTelnyxSignatureOptions): WebhookVerification {
  return checkTelnyxSignature(readTelnyxPublicKeys(options.publicKeys, 'publicKeys'), options);
}

/** `verifyTelnyxSignature` with keys already imported (the handler imports them once). */
export function checkTelnyxSignature(keys: readonly KeyObject[], options: TelnyxSignatureCheck): WebhookVerification {
  const tolerance = readTolerance(options);
  if (keys.length === 0) {
    return rejected('NO_SECRET_CONFIGURED', 'No Telnyx public key is configured, so no Telnyx webhook can be trusted. Fix: pass the account public key (Mission Control → Keys & Credentials → Public Key).');
  }
  const signatureHeader = options.signature ?? '';
  const timestampHeader = options.timestamp ?? '';
  if (signatureHeader === '') return rejected('MISSING_SIGNATURE', 'The telnyx-signature-ed25519 header is missing: the request did not come from Telnyx, or a proxy dropped the header.');
  if (timestampHeader === '') return rejected('MISSING_TIMESTAMP', 'The telnyx-timestamp header is missing: the request did not come from Telnyx, or a proxy dropped the header.');
  if (!/^\d{1,15}$/.test(timestampHeader)) return rejected('MALFORMED_TIMESTAMP', 'The telnyx-timestamp header is not a whole number of Unix seconds.');
  if (tolerance !== undefined) {
    const now = Math.floor((options.clock ?? systemClock).now() / 1000);
    const skew = Number(timestampHeader) - now;
    if (Math.abs(skew) > tolerance) {
      return rejected(
        'TIMESTAMP_OUT_OF_TOLERANCE',
        `The telnyx-timestamp is ${Math.abs(skew)} s ${skew < 0 ? 'old' : 'in the future'}; at most ${tolerance} s either way is accepted. A replayed request, a request held in a queue, or a wrong clock on this server (check NTP).`,
      );
    }
  }
  const signature = decodeStrictBase64(signatureHeader);
  if (signature === undefined || signature.length !== 64) {
    return rejected('MALFORMED_SIGNATURE', 'The telnyx-signature-ed25519 header is not strict base64 of a 64-byte Ed25519 signature.');
  }
  const body = typeof options.rawBody === 'string' ? Buffer.from(options.rawBody, 'utf8') : options.rawBody;
  const message = Buffer.concat([Buffer.from(`${timestampHeader}|`, 'utf8'), body]);
  const index = keys.findIndex((key) => verifyEd25519(key, message, signature));
  if (index === -1) {
    return rejected(
      'SIGNATURE_MISMATCH',
      'The telnyx-signature-ed25519 signature does not match the timestamp and body with any configured public key. Usual causes: the body was parsed and ' +
        'serialised again instead of passing the raw bytes; the public key belongs to another Telnyx account; or the request did not come from Telnyx.',
    );
  }
  return { valid: true, secretIndex: index };
}

/** The tolerance in seconds, or undefined when the check is explicitly disabled. */
export function readTolerance(options: Pick<TelnyxSignatureCheck, 'toleranceSeconds' | 'dangerouslyDisableTimestampCheck'>, field = 'toleranceSeconds'): number | undefined {
  if (options.dangerouslyDisableTimestampCheck === true) return undefined;
  const tolerance = options.toleranceSeconds ?? TELNYX_DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isSafeInteger(tolerance) || tolerance < 1 || tolerance > 86_400) {
    throw new ValidationError({
      field,
      reason: 'INVALID_OPTION',
      problem: `${String(tolerance)} is not a whole number of seconds from 1 to 86400 (0 does not disable the check).`,
      fix: 'leave it at 300 (Telnyx), or set dangerouslyDisableTimestampCheck: true if replays are handled elsewhere.',
    });
  }
  return tolerance;
}
