import { acknowledgeWebhook } from '../kit/acknowledge-webhook';
import { checkWebhookOptionKeys } from '../kit/check-webhook-option-keys';
import { readWebhookProviderId } from '../kit/read-webhook-provider-id';
import type { ProviderWebhookDefinition } from '../provider-definition';
import { parseTelnyxWebhook } from './parse-telnyx-webhook';
import { readTelnyxPublicKeys } from './read-telnyx-public-keys';
import { signTelnyxRequest } from './sign-telnyx-request';
import type { TelnyxWebhookOptions } from './telnyx-webhook-options';
import { checkTelnyxSignature, readTolerance } from './verify-telnyx-signature';
import { hasAnyHeader } from '../kit/has-any-header';

const SIGNATURE_HEADER = 'telnyx-signature-ed25519';
const TIMESTAMP_HEADER = 'telnyx-timestamp';
const OPTION_KEYS = ['publicKey', 'toleranceSeconds', 'providerId'] as const;
const decoder = new TextDecoder();

/**
 * Telnyx webhooks: Ed25519 over `timestamp|body`, ±300 s (docs/webhooks.md#verifying-signatures-yourself),
 * answered with a plain 2xx: a Telnyx webhook carries no reply, so a HELP answer goes out with `service.send`.
 */
export const telnyxWebhook: ProviderWebhookDefinition<TelnyxWebhookOptions> = {
  signatureHeaders: [SIGNATURE_HEADER, TIMESTAMP_HEADER],
  claims: hasAnyHeader([SIGNATURE_HEADER, TIMESTAMP_HEADER]),
  optionKeys: OPTION_KEYS,
  configure(options, field) {
    checkWebhookOptionKeys(options, field, OPTION_KEYS);
    const publicKeys = readTelnyxPublicKeys(options.publicKey, `${field}.publicKey`);
    const toleranceSeconds = readTolerance({ toleranceSeconds: options.toleranceSeconds }, `${field}.toleranceSeconds`) as number;
    return {
      providerId: readWebhookProviderId(options.providerId, 'telnyx'),
      missingSecret:
        publicKeys.length === 0
          ? 'Telnyx webhooks are refused: no Telnyx public key is configured. Fix: pass providers.telnyx.publicKey (Mission Control → Keys & Credentials → Public Key).'
          : undefined,
      read(request, rawBody, clock) {
        const verification = checkTelnyxSignature(publicKeys, {
          rawBody,
          signature: request.headers.get(SIGNATURE_HEADER),
          timestamp: request.headers.get(TIMESTAMP_HEADER),
          toleranceSeconds,
          clock,
        });
        if (!verification.valid) return verification;
        return { valid: true, parsed: parseTelnyxWebhook(decoder.decode(rawBody)) };
      },
      answer: () => acknowledgeWebhook(),
      repliesInline: false,
    };
  },
  sign(input) {
    const signed = signTelnyxRequest({ body: input.body, privateKey: input.secret, ...(input.timestamp === undefined ? {} : { timestamp: input.timestamp }) });
    return { url: input.url, headers: signed.headers, options: { publicKey: signed.publicKey } };
  },
};
