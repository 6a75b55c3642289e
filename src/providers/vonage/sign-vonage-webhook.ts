import { createHash, createHmac, randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../../clock';

export interface SignVonageWebhookOptions {
  /** The exact body to send. */
  body: string | Uint8Array;
  /** The account's signature secret. */
  signatureSecret: string;
  /** Unix seconds for `iat`. Default: now, from `clock`. */
  timestamp?: number;
  clock?: Clock;
  /** The `jti` claim. Default: a random UUID. */
  tokenId?: string;
}

export interface SignedVonageWebhook {
  readonly token: string;
  readonly headers: { readonly authorization: string };
}

/**
 * Signs a body as the Messages API signs its webhooks (https://developer.vonage.com/en/messages/concepts/signed-webhooks):
 * a JWT, HS256 with the signature secret, whose claims carry `iat`, `jti`, `iss: 'Vonage'` and
 * `payload_hash` (SHA-256 hex of the body), sent as `Authorization: Bearer <JWT>`. For tests.
 *
 * @example
 * const { headers } = signVonageWebhook({ body: '{"message_uuid":"…"}', signatureSecret: 'secret', timestamp: 1_767_225_600 });
 */
export function signVonageWebhook(options: SignVonageWebhookOptions): SignedVonageWebhook {
  const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
  const iat = options.timestamp ?? Math.floor((options.clock ?? systemClock).now() / 1000);
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const claims = encode({ iat, jti: options.tokenId ?? randomUUID(), iss: 'Vonage', payload_hash: createHash('sha256').update(body).digest('hex') });
  const signature = createHmac('sha256', options.signatureSecret).update(`${header}.${claims}`).digest('base64url');
  const token = `${header}.${claims}.${signature}`;
  return { token, headers: { authorization: `Bearer ${token}` } };
}

function encode(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
