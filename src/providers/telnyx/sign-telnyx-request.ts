import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { systemClock, type Clock } from '../../clock';

/** DER prefix of an Ed25519 PKCS#8 private key (RFC 8410 §7): the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SignTelnyxRequestOptions {
  /** The exact body to send. */
  body: string | Uint8Array;
  /** A 32-byte Ed25519 seed, base64: the test account's private key. The result names its public key. */
  privateKey: string;
  /** Unix seconds for `telnyx-timestamp`. Default: now, from `clock`. */
  timestamp?: number;
  clock?: Clock;
}

export interface SignedTelnyxRequest {
  /** base64 of the 64-byte signature. */
  readonly signature: string;
  readonly timestamp: string;
  /** The public key to configure the handler with (base64, 32 bytes). */
  readonly publicKey: string;
  readonly headers: { readonly 'telnyx-signature-ed25519': string; readonly 'telnyx-timestamp': string };
}

/**
 * Signs a body as Telnyx does: Ed25519 over `${timestamp}|${body}`, base64 (docs/webhooks.md#verifying-signatures-yourself).
 * Ed25519 is deterministic, so a fixed seed, timestamp and body give a fixed signature.
 *
 * @example
 * const privateKey = Buffer.alloc(32, 7).toString('base64');
 * const signed = signTelnyxRequest({ body: '{"data":{}}', privateKey, timestamp: 1_767_225_600 });
 * const handler = createWebhookHandler({ service, providers: { telnyx: { publicKey: signed.publicKey } } });
 * await handler(new Request(url, { method: 'POST', headers: signed.headers, body: '{"data":{}}' }));
 */
export function signTelnyxRequest(options: SignTelnyxRequestOptions): SignedTelnyxRequest {
  const seed = Buffer.from(options.privateKey, 'base64');
  if (seed.length !== 32) throw new Error('signTelnyxRequest: privateKey must be a base64 32-byte Ed25519 seed, e.g. randomBytes(32).toString("base64").');
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const timestamp = String(options.timestamp ?? Math.floor((options.clock ?? systemClock).now() / 1000));
  const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
  const signature = sign(null, Buffer.concat([Buffer.from(`${timestamp}|`, 'utf8'), body]), key).toString('base64');
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const publicKey = spki.subarray(spki.length - 32).toString('base64');
  return { signature, timestamp, publicKey, headers: { 'telnyx-signature-ed25519': signature, 'telnyx-timestamp': timestamp } };
}
