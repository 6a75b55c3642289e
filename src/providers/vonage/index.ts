// Public entry of `@ocelot-platform/tools-core/vonage`. Importing it never loads `@vonage/messages`:
// the adapter imports it on its first send.
export { createVonageProvider, VONAGE_CAPABILITIES } from './create-vonage-provider';
export { DEFAULT_VONAGE_BASE_URL, DEFAULT_VONAGE_TIMEOUT_MS, type VonageProviderSettings } from './parse-vonage-settings';
export type { VonageMessageParams, VonageMmsImageParams, VonageSmsParams } from './vonage-client-like';
export { mapVonageError, readVonageErrorCode, VONAGE_ERROR_TABLE, type VonageErrorDetails, type VonageProblem } from './map-vonage-error';
export { mapVonageStatus, VONAGE_MESSAGE_STATUSES, type VonageMessageStatus } from './map-vonage-status';
export { vonageDefinition } from './vonage-definition';
export { vonageWebhook, type VonageWebhookOptions } from './vonage-webhook';
export { verifyVonageSignature, VONAGE_DEFAULT_TOLERANCE_SECONDS, type VerifyVonageSignatureOptions } from './verify-vonage-signature';
export { signVonageWebhook, type SignVonageWebhookOptions, type SignedVonageWebhook } from './sign-vonage-webhook';
export { parseVonageWebhook } from './parse-vonage-webhook';
export type { ErrorClassification } from '../kit/error-classification';
