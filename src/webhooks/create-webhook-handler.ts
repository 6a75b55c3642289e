import { traceWebhook, type AnnotateSpan } from '../observability/trace-webhook';
import { handleInboundMessage } from './handle-inbound-message';
import { handleStatusCallback } from './handle-status-callback';
import type { ParsedWebhook } from '../providers/kit/parsed-webhook';
import { readRequestBody } from './read-request-body';
import { readWebhookHandlerOptions, type WebhookSettings } from './read-webhook-handler-options';
import type { WebhookContext } from './webhook-context';
import type { WebhookHandler, WebhookHandlerOptions } from './webhook-handler-options';
import { refusal } from './webhook-responses';
import { WebhookStageError } from './webhook-stage';

/**
 * The webhook endpoint for delivery statuses and inbound messages of every built-in vendor, as a
 * Fetch-standard `(request: Request) => Promise<Response>`: Hono (`c.req.raw`), Next.js route handlers,
 * Bun, Deno and workers use it as is; `toNodeHandler` adapts it to Node `http` and Express.
 *
 * Each request: the vendor whose `webhook.claims(headers)` holds is the one (its signature headers; for
 * Vonage a bearer JWT with `payload_hash`); the raw body is verified (Twilio HMAC-SHA1 over the public URL
 * and form, Telnyx Ed25519 over `timestamp|body`, Plivo V3 HMAC-SHA256, Vonage HS256 JWT); a duplicate
 * is dropped (dedupe on the signed content / event id); a status moves the message forward in the
 * store and publishes `sms.status`; an inbound message is recorded, applied to opt-outs when it is a
 * keyword, and published as `sms.received`. Answers: 403 for a missing or bad signature, and for a
 * provider whose secret is not configured (fail closed); 400 for an unreadable payload; 405/413 for the
 * wrong method or size; 200 once recorded (empty TwiML for Twilio, so no reply is sent); 500 only when
 * the store fails, after forgetting the webhook so the provider's retry is handled.
 *
 * @example
 * const handler = createWebhookHandler({
 *   service: sms,
 *   providers: { twilio: { authToken: process.env.TWILIO_AUTH_TOKEN }, telnyx: { publicKey: process.env.TELNYX_PUBLIC_KEY } },
 * });
 * export const POST = handler; // Next.js app/api/webhooks/sms/route.ts
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const settings = readWebhookHandlerOptions(options);
  const locks = new Map<string, Promise<unknown>>();
  return (request) =>
    traceWebhook(options.tracer, request, async (annotate) => {
      try {
        return await handle(settings, locks, request, annotate);
      } catch (error) {
        settings.onError(error, { stage: 'handler', provider: null, messageId: null });
        return refusal(500, 'HANDLER_FAILED', 'The webhook could not be handled; the provider may retry it.');
      }
    });
}

async function handle(settings: WebhookSettings, locks: Map<string, Promise<unknown>>, request: Request, annotate: AnnotateSpan): Promise<Response> {
  if (request.method !== 'POST') return refusal(405, 'METHOD_NOT_ALLOWED', 'Provider webhooks are POST requests.');
  const claimed = settings.vendors.filter((vendor) => vendor.definition.webhook.claims(request.headers));
  const [vendor] = claimed;
  if (claimed.length > 1) {
    return refusal(400, 'AMBIGUOUS_PROVIDER', `The request is claimed by ${joinNames(claimed.map((each) => each.definition.displayName), 'and')}.`);
  }
  if (vendor === undefined) {
    const headers = joinNames(settings.vendors.map((each) => each.definition.webhook.signatureHeaders[0] ?? ''), 'or');
    const names = joinNames(settings.vendors.map((each) => each.definition.displayName), 'or');
    return refusal(403, 'MISSING_SIGNATURE', `The request has no ${headers} header: it did not come from ${names}, or a proxy dropped the header.`);
  }
  const body = await readRequestBody(request, settings.maxBodyBytes);
  if (!body.ok) return refusal(body.status, body.status === 413 ? 'BODY_TOO_LARGE' : 'UNREADABLE_BODY', body.message);
  const { webhook } = vendor;
  annotate('sms.provider', webhook.providerId);
  if (webhook.missingSecret !== undefined) return refusal(403, 'NO_SECRET_CONFIGURED', webhook.missingSecret);
  const reading = await webhook.read(request, body.bytes, settings.clock);
  if (!reading.valid) return refusal(403, reading.reason, reading.message);
  annotate('sms.webhook.kind', reading.parsed.kind);
  const context: WebhookContext = { settings, providerId: webhook.providerId, request, locks };
  return dispatch(context, reading.parsed, { answer: (helpReply) => webhook.answer(helpReply), repliesInline: webhook.repliesInline });
}

/** `Twilio or Telnyx`, `Twilio, Telnyx and Plivo`. */
function joinNames(names: readonly string[], conjunction: 'and' | 'or'): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

interface ProviderAnswer {
  /** The provider's 2xx, carrying `helpReply` when the provider can (`repliesInline`). */
  readonly answer: (helpReply?: string) => Response;
  /** Twilio sends a TwiML `<Message>` as the reply; other vendors' webhooks carry none. */
  readonly repliesInline: boolean;
}

/** Dedupe, then the status or inbound step, then the provider's 2xx. */
async function dispatch(context: WebhookContext, parsed: ParsedWebhook, provider: ProviderAnswer): Promise<Response> {
  const { answer } = provider;
  if (parsed.kind === 'malformed') return refusal(400, 'MALFORMED_PAYLOAD', `The webhook is signed but cannot be read: ${parsed.problem}`);
  if (parsed.kind === 'ignored') return answer();
  const { settings, providerId } = context;
  const key = `${providerId}:${parsed.dedupeKey}`;
  let first: boolean;
  try {
    first = await settings.dedupe.claim(key, settings.dedupeTtlMs);
  } catch (error) {
    // A dedupe outage must not lose webhooks: handle it; the state machine keeps statuses right.
    settings.onError(error, { stage: 'dedupe', provider: providerId, messageId: null });
    first = true;
  }
  if (!first) return answer();
  try {
    if (parsed.kind === 'status') {
      await handleStatusCallback(context, parsed);
      return answer();
    }
    const inbound = await handleInboundMessage(context, parsed);
    const helpReply = settings.helpReply;
    if (helpReply === undefined || inbound.message.optOutAction !== 'help' || inbound.answeredByProvider) return answer();
    if (provider.repliesInline) return answer(helpReply);
    sendHelpReply(context, inbound.message.from, inbound.message.to, inbound.tenantId, inbound.message.id, helpReply);
    return answer();
  } catch (error) {
    await settings.dedupe.release(key).catch((releaseError: unknown) => settings.onError(releaseError, { stage: 'dedupe', provider: providerId, messageId: null }));
    const failed = error instanceof WebhookStageError ? error : undefined;
    settings.onError(failed?.cause ?? error, { stage: failed?.stage ?? 'handler', provider: providerId, messageId: failed?.messageId ?? null });
    return refusal(500, 'NOT_RECORDED', 'The webhook could not be recorded; retry it.');
  }
}

/** Webhooks that carry no reply (Telnyx): the HELP answer is sent with the service, after the 2xx. */
function sendHelpReply(context: WebhookContext, to: string, from: string, tenantId: string | null, messageId: string, body: string): void {
  const send = context.settings.service?.send;
  if (send === undefined) return;
  const request = tenantId === null ? { to, from, body } : { to, from, body, tenantId };
  void send.call(context.settings.service, request).catch((error: unknown) => context.settings.onError(error, { stage: 'reply', provider: context.providerId, messageId }));
}
