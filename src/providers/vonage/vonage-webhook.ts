import { optionError } from '../../options/option-error';
import { acknowledgeWebhook } from '../kit/acknowledge-webhook';
import type { ConfiguredProviderWebhook, ProviderWebhookDefinition, SignedWebhookRequest, WebhookReading, WebhookSigningInput } from '../provider-definition';
import { claimsVonageRequest } from './claims-vonage-request';
import { parseVonageWebhook } from './parse-vonage-webhook';
import { signVonageWebhook } from './sign-vonage-webhook';
import { VONAGE_DEFAULT_TOLERANCE_SECONDS, verifyVonageSignature } from './verify-vonage-signature';

/** `createWebhookHandler({ providers: { vonage: { … } } })` (docs/vonage.md#webhooks). */
export interface VonageWebhookOptions {
  /** The account's signature secret (VONAGE_SIGNATURE_SECRET), or several during a rotation. Unset refuses every Vonage webhook (403). */
  signatureSecret?: string | readonly string[] | undefined;
  /** Seconds the JWT `iat` may be away from this server's clock, both directions; 1 to 86400, default 300. */
  toleranceSeconds?: number;
  /** The provider id messages were sent under, when the provider was registered under another id. Default `vonage`. */
  providerId?: string;
}

const OPTION_KEYS = ['signatureSecret', 'toleranceSeconds', 'providerId'] as const;

/**
 * Vonage's webhooks: told apart by an `Authorization: Bearer` JWT carrying `payload_hash`
 * ({@link claimsVonageRequest}; a bare `Authorization` header may come from a host's proxy), verified
 * as signed JWTs ({@link verifyVonageSignature}), read with {@link parseVonageWebhook},
 * answered with a plain JSON 200 (the Messages API ignores the body; inbound replies are sent with
 * `service.send`).
 */
export const vonageWebhook: ProviderWebhookDefinition<VonageWebhookOptions> = {
  signatureHeaders: ['authorization'],
  claims: claimsVonageRequest,
  optionKeys: OPTION_KEYS,
  configure(options: VonageWebhookOptions, field: string): ConfiguredProviderWebhook {
    if (typeof options !== 'object' || options === null) throw optionError(field, 'is not an object.', 'pass { signatureSecret }.');
    for (const key of Object.keys(options)) {
      if (!(OPTION_KEYS as readonly string[]).includes(key)) throw optionError(`${field}.${key}`, 'is not a Vonage webhook option.', `use ${OPTION_KEYS.join(', ')}.`);
    }
    const signatureSecrets = readSignatureSecrets(options.signatureSecret, `${field}.signatureSecret`);
    const toleranceSeconds = readTolerance(options.toleranceSeconds, `${field}.toleranceSeconds`);
    const providerId = readProviderId(options.providerId, `${field}.providerId`);
    return {
      providerId,
      missingSecret:
        signatureSecrets.length === 0
          ? `Vonage webhooks are refused: no Vonage signature secret is configured. Fix: pass ${field}.signatureSecret (VONAGE_SIGNATURE_SECRET, Dashboard → API settings).`
          : undefined,
      read(request: Request, rawBody: Uint8Array, clock): WebhookReading {
        const verification = verifyVonageSignature({ authorization: request.headers.get('authorization'), rawBody, signatureSecrets, toleranceSeconds, clock });
        if (!verification.valid) return verification;
        return { valid: true, parsed: parseVonageWebhook(Buffer.from(rawBody).toString('utf8')) };
      },
      answer: () => acknowledgeWebhook(),
      repliesInline: false,
    };
  },
  sign(input: WebhookSigningInput): SignedWebhookRequest<VonageWebhookOptions> {
    const signed = signVonageWebhook({ body: input.body, signatureSecret: input.secret, timestamp: input.timestamp });
    return { url: input.url, headers: { ...signed.headers, 'content-type': 'application/json' }, options: { signatureSecret: input.secret } };
  },
};

/** `undefined` and `''` mean none configured (an unset environment variable): fail closed, not an error. */
function readSignatureSecrets(value: unknown, field: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : undefined;
  if (list === undefined) throw optionError(field, 'is neither a string nor a list of strings.', 'pass the signature secret, or a list of them during a rotation.');
  return list.map((secret, index) => {
    const name = typeof value === 'string' ? field : `${field}[${index}]`;
    if (typeof secret !== 'string' || secret === '') throw optionError(name, 'is empty or not a string.', 'remove it from the list, or set it.');
    if (secret.trim() !== secret) throw optionError(name, 'has whitespace around it.', 'trim it (a copy-paste from the dashboard often brings a newline).');
    return secret;
  });
}

function readTolerance(value: unknown, field: string): number {
  if (value === undefined) return VONAGE_DEFAULT_TOLERANCE_SECONDS;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > 86_400) {
    throw optionError(field, `${String(value)} is not a whole number of seconds from 1 to 86400.`, 'leave it at 300, or widen it for a clock you cannot fix.');
  }
  return value;
}

function readProviderId(value: unknown, field: string): string {
  if (value === undefined) return 'vonage';
  if (typeof value !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(value)) throw optionError(field, 'is not a provider id.', "pass the id your provider was created with, e.g. 'vonage'.");
  return value;
}
