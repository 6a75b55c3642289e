import { checkWebhookOptionKeys } from '../kit/check-webhook-option-keys';
import { parseFormParams, type FormParams } from '../kit/parse-form-params';
import { readPublicUrl } from '../kit/read-public-url';
import { readSecrets } from '../kit/read-secrets';
import { readWebhookProviderId } from '../kit/read-webhook-provider-id';
import type { ProviderWebhookDefinition } from '../provider-definition';
import { parseTwilioWebhook } from './parse-twilio-webhook';
import { signTwilioRequest } from './sign-twilio-request';
import { twimlResponse } from './twiml-response';
import type { TwilioWebhookOptions } from './twilio-webhook-options';
import { verifyTwilioSignature } from './verify-twilio-signature';
import { hasAnyHeader } from '../kit/has-any-header';

const SIGNATURE_HEADER = 'X-Twilio-Signature';
const OPTION_KEYS = ['authToken', 'publicOrigin', 'publicUrl', 'providerId'] as const;
const decoder = new TextDecoder();

/**
 * Twilio status callbacks and inbound messages: HMAC-SHA1 over the public URL and the form
 * (docs/webhooks.md#verifying-signatures-yourself), answered with TwiML, which carries a HELP reply inline.
 */
export const twilioWebhook: ProviderWebhookDefinition<TwilioWebhookOptions> = {
  signatureHeaders: [SIGNATURE_HEADER],
  claims: hasAnyHeader([SIGNATURE_HEADER]),
  optionKeys: OPTION_KEYS,
  configure(options, field) {
    checkWebhookOptionKeys(options, field, OPTION_KEYS);
    const authTokens = readSecrets(options.authToken, `${field}.authToken`);
    const publicUrl = readPublicUrl(options, field);
    return {
      providerId: readWebhookProviderId(options.providerId, 'twilio'),
      missingSecret:
        authTokens.length === 0
          ? 'Twilio webhooks are refused: no Twilio auth token is configured. Fix: pass providers.twilio.authToken (TWILIO_AUTH_TOKEN).'
          : undefined,
      read(request, rawBody) {
        const url = publicUrl(request);
        const text = decoder.decode(rawBody);
        const json = new URL(url).searchParams.has('bodySHA256');
        const params = json ? {} : parseFormParams(text);
        const verification = verifyTwilioSignature({ url, params, rawBody, signature: request.headers.get(SIGNATURE_HEADER), authTokens });
        if (!verification.valid) return verification;
        return { valid: true, parsed: parseTwilioWebhook(json ? readJsonParams(text) : params) };
      },
      answer: twimlResponse,
      repliesInline: true,
    };
  },
  sign(input) {
    const json = input.body.trimStart().startsWith('{');
    const signed = signTwilioRequest(json ? { url: input.url, body: input.body, authToken: input.secret } : { url: input.url, params: parseFormParams(input.body), authToken: input.secret });
    return { url: signed.url, headers: signed.headers, options: { authToken: input.secret } };
  },
};

/** Twilio JSON webhooks: the top-level fields, as form parameters would carry them. */
function readJsonParams(text: string): FormParams {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const params = Object.create(null) as Record<string, string>;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return params;
  for (const [name, value] of Object.entries(json)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[name] = String(value);
  }
  return params;
}
