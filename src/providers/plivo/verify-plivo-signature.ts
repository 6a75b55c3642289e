import { timingSafeEqual } from 'node:crypto';
import { rejected, type WebhookVerification } from '../kit/webhook-verification';
import { computePlivoSignature, type PlivoParams } from './compute-plivo-signature';

export interface VerifyPlivoSignatureOptions {
  /** The full public URL Plivo requested, query included, as given to Plivo (`url` of the send, or the application's message URL). */
  readonly url: string;
  /** The POST form parameters as Plivo sent them. */
  readonly params: PlivoParams;
  /** `X-Plivo-Signature-V3`: one signature, or several separated by commas. */
  readonly signature: string | null | undefined;
  /** `X-Plivo-Signature-V3-Nonce`. */
  readonly nonce: string | null | undefined;
  /** The Auth Tokens to try, the current one first (several during a rotation). */
  readonly authTokens: readonly string[];
}

/**
 * Verifies a Plivo V3 signature (see `computePlivoSignature`) against every configured token, each
 * compare in constant time. Plivo's signature has no timestamp, so a captured request can be replayed:
 * the webhook handler dedupes on the message and status (docs/plivo.md#webhooks).
 *
 * @example
 * verifyPlivoSignature({ url, params, signature: request.headers.get('x-plivo-signature-v3'), nonce, authTokens: [token] }).valid;
 */
export function verifyPlivoSignature(options: VerifyPlivoSignatureOptions): WebhookVerification {
  if (options.authTokens.length === 0) {
    return rejected('NO_SECRET_CONFIGURED', 'No Plivo auth token is configured, so no Plivo webhook can be trusted. Fix: pass the account Auth Token (PLIVO_AUTH_TOKEN).');
  }
  const header = options.signature ?? '';
  if (header === '') {
    return rejected('MISSING_SIGNATURE', 'The X-Plivo-Signature-V3 header is missing: the request did not come from Plivo, or a proxy dropped the header.');
  }
  const nonce = options.nonce ?? '';
  if (nonce === '') {
    return rejected('MISSING_SIGNATURE', 'The X-Plivo-Signature-V3-Nonce header is missing: Plivo signs the nonce with the URL, so the signature cannot be checked.');
  }
  const received = header.split(',').map((signature) => Buffer.from(signature.trim(), 'utf8'));
  const index = options.authTokens.findIndex((authToken) => {
    const expected = Buffer.from(computePlivoSignature({ authToken, url: options.url, params: options.params, nonce }), 'utf8');
    return received.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected));
  });
  if (index === -1) {
    const url = safeUrl(options.url);
    return rejected(
      'SIGNATURE_MISMATCH',
      `The X-Plivo-Signature-V3 does not match ${url} and the posted parameters with any configured auth token. ` +
        'Usual causes: the URL is not the one Plivo called (behind a proxy the scheme, host or port differ: set publicOrigin or publicUrl); ' +
        'the form was parsed or re-encoded before verification; or the Auth Token is not the one of the account (or subaccount) that sent the message.',
    );
  }
  return { valid: true, secretIndex: index };
}

function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'the URL';
  }
}
