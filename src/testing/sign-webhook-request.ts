import { findBuiltInProvider, listBuiltInProviders, type BuiltInProvider, type BuiltInWebhookOptions } from '../providers/built-in-providers';
import type { ProviderWebhookDefinition } from '../providers/provider-definition';

export interface SignWebhookRequestOptions {
  /** The built-in vendor whose webhook this is: `twilio`, `telnyx`, … */
  provider: BuiltInProvider;
  /** The URL the vendor calls, query included. */
  url: string;
  /** The raw body as the vendor sends it (form-encoded or JSON, per vendor). */
  body: string;
  /** The body's media type. Default: JSON when the body starts with `{`, else form-encoded. */
  contentType?: string;
  /** The signing secret: Twilio auth token, Telnyx Ed25519 seed (base64), Plivo auth token, Vonage signature secret. */
  secret: string;
  /** Unix seconds of the signature, for vendors that sign a time. Default: now. */
  timestamp?: number;
}

export interface SignedWebhookRequest {
  /** The request as the vendor would send it, signed. */
  readonly request: Request;
  /** `createWebhookHandler({ providers })` settings that verify it, e.g. `{ telnyx: { publicKey } }`. */
  readonly providers: BuiltInWebhookOptions;
}

/**
 * Signs a webhook as any built-in vendor would, for tests of a webhook endpoint: one helper for every
 * vendor in `BUILT_IN_PROVIDERS` (each vendor's own `sign` does the work), returning the request and the
 * handler settings that accept it.
 *
 * @example
 * const { request, providers } = signWebhookRequest({ provider: 'twilio', url: 'https://api.example.com/sms', body: 'MessageSid=SM1&MessageStatus=delivered', secret: authToken });
 * const response = await createWebhookHandler({ service, providers })(request);
 */
export function signWebhookRequest(options: SignWebhookRequestOptions): SignedWebhookRequest {
  const definition = findBuiltInProvider(options.provider);
  if (definition === undefined) throw new TypeError(`signWebhookRequest: provider must be ${listBuiltInProviders()}, got ${JSON.stringify(options.provider)}.`);
  const webhook = definition.webhook as ProviderWebhookDefinition<unknown>;
  const signed = webhook.sign({ url: options.url, body: options.body, secret: options.secret, ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }) });
  const contentType = options.contentType ?? (options.body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  const request = new Request(signed.url, { method: 'POST', headers: { 'content-type': contentType, ...signed.headers }, body: options.body });
  return { request, providers: { [definition.id]: signed.options } as BuiltInWebhookOptions };
}
