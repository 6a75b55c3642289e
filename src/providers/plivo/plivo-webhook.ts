import { randomInt } from 'node:crypto';
import { optionError } from '../../options/option-error';
import type { ConfiguredProviderWebhook, ProviderWebhookDefinition, SignedWebhookRequest, WebhookReading, WebhookSigningInput } from '../provider-definition';
import { computePlivoSignature } from './compute-plivo-signature';
import { parsePlivoWebhook } from './parse-plivo-webhook';
import { PLIVO_WEBHOOK_OPTION_KEYS, type PlivoWebhookOptions } from './plivo-webhook-options';
import { readPlivoForm } from './read-plivo-form';
import { verifyPlivoSignature } from './verify-plivo-signature';
import { hasAnyHeader } from '../kit/has-any-header';

export const PLIVO_SIGNATURE_HEADER = 'x-plivo-signature-v3';
/** Signed with the main account's Auth Token, also for a subaccount's messages. */
export const PLIVO_MAIN_ACCOUNT_SIGNATURE_HEADER = 'x-plivo-signature-ma-v3';
export const PLIVO_NONCE_HEADER = 'x-plivo-signature-v3-nonce';

const decoder = new TextDecoder();

/**
 * How Plivo webhooks are told apart (their V3 signature headers), verified and read. `answer()` is an
 * empty Plivo XML `<Response></Response>`: Plivo expects XML from a message URL, and an empty response
 * sends no reply. A HELP reply is not carried inline (`repliesInline: false`): a Plivo `<Message>` needs
 * the `src` and `dst` of the conversation, which an answer does not have, so the webhook handler sends
 * it with the service instead (docs/plivo.md#webhooks).
 */
export const plivoWebhook: ProviderWebhookDefinition<PlivoWebhookOptions> = {
  signatureHeaders: [PLIVO_SIGNATURE_HEADER, PLIVO_MAIN_ACCOUNT_SIGNATURE_HEADER, PLIVO_NONCE_HEADER],
  claims: hasAnyHeader([PLIVO_SIGNATURE_HEADER, PLIVO_MAIN_ACCOUNT_SIGNATURE_HEADER, PLIVO_NONCE_HEADER]),
  optionKeys: PLIVO_WEBHOOK_OPTION_KEYS,
  configure: configurePlivoWebhook,
  sign: signPlivoWebhook,
};

/**
 * Checks the options once; throws a `ValidationError` naming `<field>.<key>` for a malformed value. No
 * token is not an error: `missingSecret` is set and every request is refused (fail closed).
 *
 * @example
 * const webhook = configurePlivoWebhook({ authToken: process.env.PLIVO_AUTH_TOKEN, publicOrigin: 'https://api.example.com' }, 'providers.plivo');
 */
export function configurePlivoWebhook(options: PlivoWebhookOptions, field: string): ConfiguredProviderWebhook {
  if (typeof options !== 'object' || options === null) throw optionError(field, 'is not an object.', 'pass { authToken }.');
  for (const key of Object.keys(options)) {
    if (!(PLIVO_WEBHOOK_OPTION_KEYS as readonly string[]).includes(key)) throw optionError(`${field}.${key}`, 'is not a Plivo webhook setting.', `use ${PLIVO_WEBHOOK_OPTION_KEYS.join(', ')}.`);
  }
  const authTokens = readAuthTokens(options.authToken, `${field}.authToken`);
  const publicUrl = readPublicUrl(options, field);
  const providerId = readProviderId(options.providerId, `${field}.providerId`);
  return {
    providerId,
    missingSecret: authTokens.length === 0 ? `Plivo webhooks are refused: no Plivo auth token is configured. Fix: pass ${field}.authToken (PLIVO_AUTH_TOKEN).` : undefined,
    read(request: Request, rawBody: Uint8Array): WebhookReading {
      const params = readPlivoForm(decoder.decode(rawBody));
      const signatures = [request.headers.get(PLIVO_SIGNATURE_HEADER), request.headers.get(PLIVO_MAIN_ACCOUNT_SIGNATURE_HEADER)].filter((value) => value !== null && value !== '');
      const verification = verifyPlivoSignature({ url: publicUrl(request), params, signature: signatures.join(','), nonce: request.headers.get(PLIVO_NONCE_HEADER), authTokens });
      if (!verification.valid) return verification;
      return { valid: true, parsed: parsePlivoWebhook(params) };
    },
    answer: () => new Response('<?xml version="1.0" encoding="utf-8"?><Response></Response>', { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' } }),
    repliesInline: false,
  };
}

/**
 * Signs a form-encoded body as Plivo would, with a fresh 20-digit nonce, for tests.
 *
 * @example
 * const signed = signPlivoWebhook({ url: 'https://api.example.com/sms', body: 'MessageUUID=…&Status=delivered', secret: authToken });
 * await handler(new Request(signed.url, { method: 'POST', headers: { ...signed.headers, 'content-type': 'application/x-www-form-urlencoded' }, body }));
 */
export function signPlivoWebhook(input: WebhookSigningInput): SignedWebhookRequest<PlivoWebhookOptions> {
  const nonce = Array.from({ length: 20 }, () => String(randomInt(10))).join('');
  const signature = computePlivoSignature({ authToken: input.secret, url: input.url, params: readPlivoForm(input.body), nonce });
  return { url: input.url, headers: { [PLIVO_SIGNATURE_HEADER]: signature, [PLIVO_NONCE_HEADER]: nonce }, options: { authToken: input.secret } };
}

/** `undefined` and `''` mean none configured (an unset variable): fail closed. Whitespace is refused, like every secret of the library. */
function readAuthTokens(value: unknown, field: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : undefined;
  if (list === undefined) throw optionError(field, 'is neither a string nor a list of strings.', 'pass the Auth Token, or a list of them during a rotation.');
  return list.map((token, index) => {
    const name = typeof value === 'string' ? field : `${field}[${index}]`;
    if (typeof token !== 'string' || token === '') throw optionError(name, 'is empty or not a string.', 'remove it from the list, or set it.');
    if (token.trim() !== token) throw optionError(name, 'has whitespace around it.', 'trim it (a copy-paste from the console often brings a newline).');
    return token;
  });
}

function readPublicUrl(options: PlivoWebhookOptions, field: string): (request: Request) => string {
  if (options.publicOrigin !== undefined && options.publicUrl !== undefined) throw optionError(`${field}.publicUrl`, 'is set together with publicOrigin.', 'pass one of them.');
  if (options.publicUrl !== undefined) {
    if (typeof options.publicUrl !== 'function') throw optionError(`${field}.publicUrl`, 'is not a function.', 'pass (request) => the full public URL Plivo called.');
    return options.publicUrl;
  }
  if (options.publicOrigin === undefined) return (request) => request.url;
  const origin = readOrigin(options.publicOrigin, `${field}.publicOrigin`);
  return (request) => {
    const received = new URL(request.url);
    return origin + received.pathname + received.search;
  };
}

function readOrigin(value: unknown, field: string): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw optionError(field, 'is not an origin (scheme, host and optional port, nothing else).', "pass e.g. 'https://api.example.com'; use publicUrl when the proxy also rewrites the path.");
  }
  return url.origin;
}

function readProviderId(value: unknown, field: string): string {
  if (value === undefined) return 'plivo';
  if (typeof value !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(value)) throw optionError(field, 'is not a provider id.', "pass the id your provider was created with, e.g. 'plivo'.");
  return value;
}
