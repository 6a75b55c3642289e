import { applyOptOutReply } from '../opt-outs/apply-opt-out-reply';
import { classifyOptOutKeyword } from '../opt-outs/classify-opt-out-keyword';
import { calculateSegments, type SegmentCalculation } from '../segments/calculate-segments';
import type { MessageRecord } from '../store/message-record';
import { createReceivedEvent } from './create-received-event';
import type { InboundMessage } from '../messages/inbound-message';
import type { ParsedInboundMessage } from '../providers/kit/parsed-webhook';
import { publishWebhookEvent, type WebhookContext } from './webhook-context';
import { stage } from './webhook-stage';

export interface HandledInbound {
  readonly message: InboundMessage;
  readonly tenantId: string | null;
  /** The opt-out action came from the provider, which then answered the keyword itself (Twilio Advanced Opt-Out). */
  readonly answeredByProvider: boolean;
}

/**
 * Records a verified inbound message (a `MessageRecord` with direction `inbound`, status `received`),
 * applies an opt-out keyword to the opt-out store (the pair is our number `to` and the replying
 * `from`), then publishes `sms.received`. Recording is idempotent on the provider message id, so a
 * retry after a failure republishes without a second record. Store failures throw (500, the provider
 * retries); publish failures are reported.
 */
export async function handleInboundMessage(context: WebhookContext, inbound: ParsedInboundMessage): Promise<HandledInbound> {
  const { settings, providerId } = context;
  const now = settings.clock.now();
  const found = await stage('store', null, () => settings.store.findByProviderMessageId(providerId, inbound.providerMessageId));
  const existing = found?.direction === 'inbound' ? found : undefined;
  const keyword = inbound.providerOptOut ?? classifyOptOutKeyword(inbound.body);
  const message: InboundMessage = {
    id: existing?.id ?? settings.generateId(),
    provider: providerId,
    providerMessageId: inbound.providerMessageId,
    from: inbound.from,
    to: inbound.to,
    body: inbound.body,
    media: inbound.media,
    receivedAt: inbound.receivedAt ?? new Date(now).toISOString(),
    optOutAction: keyword?.action ?? null,
  };
  const resolveTenant = settings.inboundTenantId;
  const tenantId = existing !== undefined ? existing.tenantId : resolveTenant === undefined ? null : ((await stage('tenant', message.id, async () => resolveTenant(message))) ?? null);
  if (existing === undefined) await stage('store', message.id, () => settings.store.save(toInboundRecord(message, tenantId)));
  const optOuts = settings.optOuts;
  if (optOuts !== undefined && keyword !== null) {
    await stage('opt-outs', message.id, () => applyOptOutReply(optOuts, { action: keyword.action, sender: message.to, recipient: message.from, keyword: keyword.keyword, provider: providerId, now }));
  }
  await publishWebhookEvent(context, createReceivedEvent({ eventId: settings.generateId(), tenantId, timestamp: now, message }), message.id);
  return { message, tenantId, answeredByProvider: inbound.providerOptOut !== null };
}

function toInboundRecord(message: InboundMessage, tenantId: string | null): MessageRecord {
  const analysis = analyse(message.body);
  return {
    id: message.id,
    tenantId,
    direction: 'inbound',
    from: message.from,
    to: message.to,
    body: message.body,
    mediaUrls: message.media.map((media) => media.url),
    provider: message.provider,
    providerMessageId: message.providerMessageId,
    status: 'received',
    errorCode: null,
    errorReason: null,
    errorMessage: null,
    providerCode: null,
    cost: null,
    currency: null,
    segments: analysis.segments,
    encoding: analysis.encoding,
    metadata: {},
    attempts: 0,
    idempotencyKey: null,
    createdAt: message.receivedAt,
    sentAt: null,
    deliveredAt: message.receivedAt,
    statusChangedAt: message.receivedAt,
  };
}

/** The body's segments, for the record; whatever a phone sent is counted, never refused. */
function analyse(body: string): Pick<SegmentCalculation, 'segments' | 'encoding'> {
  try {
    return calculateSegments(body);
  } catch {
    return { segments: Math.max(1, Math.ceil(body.length / 67)), encoding: 'UCS-2' };
  }
}
