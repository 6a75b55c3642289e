// Public entry of `@ocelot-platform/tools-core/telnyx`. Importing it never loads the `telnyx` package:
// the adapter imports it on its first send.
export { createTelnyxProvider } from './create-telnyx-provider';
export { DEFAULT_TELNYX_TIMEOUT_MS, type TelnyxProviderSettings } from './parse-telnyx-settings';
export type { TelnyxClientLike, TelnyxMessageSendParams, TelnyxMessageSendResponse, TelnyxRequestOptions } from './telnyx-client-like';
export {
  mapTelnyxError,
  TELNYX_ERROR_TABLE,
  type TelnyxApiError,
  type TelnyxErrorDetails,
  type TelnyxErrorPhase,
  type TelnyxErrorRow,
} from './map-telnyx-error';
export { mapTelnyxStatus, TELNYX_MESSAGE_STATUSES, type TelnyxMessageStatus } from './map-telnyx-status';
export type { ErrorClassification } from '../kit/error-classification';
