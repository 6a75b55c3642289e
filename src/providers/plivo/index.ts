// Public entry of `@ocelot-platform/tools-core/plivo`. Importing it never loads the `plivo` package:
// the adapter imports it on its first send.
export { createPlivoProvider, PLIVO_CAPABILITIES } from './create-plivo-provider';
export { DEFAULT_PLIVO_TIMEOUT_MS, type PlivoProviderSettings } from './parse-plivo-settings';
export type { PlivoClientLike, PlivoMessageCreateParams, PlivoMessageResponseLike } from './plivo-client-like';
export { mapPlivoError, PLIVO_API_ERROR_RULES, PLIVO_ERROR_TABLE, type PlivoApiErrorRule, type PlivoErrorDetails } from './map-plivo-error';
export { mapPlivoStatus, PLIVO_MESSAGE_STATUSES, type PlivoMessageStatus } from './map-plivo-status';
export type { ErrorClassification } from '../kit/error-classification';
export { plivoDefinition } from './plivo-definition';
export type { PlivoWebhookOptions } from './plivo-webhook-options';
export { computePlivoSignature } from './compute-plivo-signature';
export { verifyPlivoSignature, type VerifyPlivoSignatureOptions } from './verify-plivo-signature';
export { parsePlivoWebhook } from './parse-plivo-webhook';
