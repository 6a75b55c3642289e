/** Why a webhook's signature was refused. */
export type WebhookRejectionReason =
  /** No auth token / public key is configured: fail closed. */
  | 'NO_SECRET_CONFIGURED'
  | 'MISSING_SIGNATURE'
  | 'MISSING_TIMESTAMP'
  /** Not strict base64, or not the algorithm's length (Ed25519: 64 bytes). */
  | 'MALFORMED_SIGNATURE'
  /** Not a whole number of seconds. */
  | 'MALFORMED_TIMESTAMP'
  /** Further from this server's clock than the tolerance, in either direction. */
  | 'TIMESTAMP_OUT_OF_TOLERANCE'
  /** Well-formed but made with none of the configured secrets over this request. */
  | 'SIGNATURE_MISMATCH'
  /** Twilio JSON webhooks: the raw body's SHA-256 is not the URL's `bodySHA256`. */
  | 'BODY_HASH_MISMATCH';

/**
 * The answer of `verifyTwilioSignature` / `verifyTelnyxSignature`. A refusal's `message` says what
 * was wrong and the usual mistake behind it, never a secret.
 */
export type WebhookVerification =
  | {
      readonly valid: true;
      /** Which configured secret matched (0 = the first): tells when an old secret can be retired. */
      readonly secretIndex: number;
    }
  | {
      readonly valid: false;
      readonly reason: WebhookRejectionReason;
      readonly message: string;
    };

export function rejected(reason: WebhookRejectionReason, message: string): WebhookVerification {
  return { valid: false, reason, message };
}
