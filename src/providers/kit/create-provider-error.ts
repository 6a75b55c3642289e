import { SmsError } from '../../errors/sms-error';
import type { ErrorClassification } from './error-classification';
import { maskPhoneNumbers } from './mask-phone-numbers';

export interface ProviderErrorOptions {
  /** The adapter's id, used as `SmsError.provider`: `twilio`, `my-gateway`. */
  provider: string;
  /** The name in messages: `Twilio`. Default: the id. */
  displayName?: string;
  classification: ErrorClassification;
  providerCode?: string;
  httpStatus?: number;
  retryAfterMs?: number;
  /** The vendor's own message; only shown (masked) when the code is not recognised. */
  vendorMessage?: string;
  /** Whether the code was found in the provider's table. */
  recognised: boolean;
}

/**
 * Builds the `SmsError` for a classified provider error. The message names the meaning, the
 * provider code and the HTTP status, never the request body; a vendor message is added only for
 * unrecognised codes, with digit runs masked because vendors echo phone numbers.
 *
 * @example
 * createProviderError({ provider: 'twilio', classification, providerCode: '21211', httpStatus: 400, recognised: true });
 */
export function createProviderError(options: ProviderErrorOptions): SmsError {
  const name = options.displayName ?? options.provider;
  const labels = [
    options.providerCode === undefined ? undefined : `${name} code ${options.providerCode}`,
    options.httpStatus === undefined ? undefined : `HTTP ${options.httpStatus}`,
  ].filter((label) => label !== undefined);
  const vendor =
    !options.recognised && options.vendorMessage !== undefined && options.vendorMessage.trim() !== ''
      ? ` ${name} said: "${maskPhoneNumbers(options.vendorMessage)}".`
      : '';
  const suffix = labels.length > 0 ? ` (${labels.join(', ')})` : '';
  const { classification } = options;
  return new SmsError({
    code: classification.code,
    reason: classification.reason,
    message: `${name}: ${classification.meaning}${suffix}${vendor}`,
    retryable: classification.retryable,
    fault: classification.fault,
    outcomeUnknown: classification.outcomeUnknown,
    provider: options.provider,
    providerCode: options.providerCode,
    httpStatus: options.httpStatus,
    // A wait only matters when a retry is allowed; on unknown outcomes nobody may retry blindly.
    retryAfterMs: classification.retryable ? options.retryAfterMs : undefined,
  });
}
