// Webhooks: verification, parsing, the Fetch-standard handler and its Node adapter. Re-exported by the
// root entry; importing it loads no SDK (node:crypto only).
export { createWebhookHandler } from './create-webhook-handler';
export type { WebhookHandler, WebhookHandlerOptions, WebhookErrorContext, WebhookService, TwilioWebhookOptions, TelnyxWebhookOptions } from './webhook-handler-options';
export { toNodeHandler, type NodeHandlerOptions } from './to-node-handler';
export { verifyTwilioSignature, type VerifyTwilioSignatureOptions } from '../providers/twilio/verify-twilio-signature';
export { verifyTelnyxSignature, TELNYX_DEFAULT_TOLERANCE_SECONDS, type VerifyTelnyxSignatureOptions, type TelnyxSignatureCheck } from '../providers/telnyx/verify-telnyx-signature';
export type { WebhookVerification, WebhookRejectionReason } from '../providers/kit/webhook-verification';
export { computeTwilioSignature, type TwilioParams } from '../providers/twilio/compute-twilio-signature';
export { parseTwilioWebhook } from '../providers/twilio/parse-twilio-webhook';
export { parseTelnyxWebhook } from '../providers/telnyx/parse-telnyx-webhook';
export { parseFormParams } from '../providers/kit/parse-form-params';
export type { ParsedWebhook, ParsedStatusCallback, ParsedInboundMessage, IgnoredWebhook, MalformedWebhook } from '../providers/kit/parsed-webhook';
export { applyStatusTransition, STATUS_RANK, type StatusTransition } from '../messages/apply-status-transition';
export { updateRecordStatus, type StatusUpdate } from '../store/update-record-status';
export type { InboundMessage, InboundMedia } from '../messages/inbound-message';
export type { SmsStatusEvent, SmsStatusEventData, SmsReceivedEvent, SmsReceivedEventData, SmsReceivedMedia } from '../events/sms-webhook-events';
export type { WebhookDedupeStore } from './webhook-dedupe-store';
export { createInMemoryWebhookDedupeStore, type InMemoryWebhookDedupeStore, type InMemoryWebhookDedupeStoreOptions } from './in-memory-webhook-dedupe-store';
