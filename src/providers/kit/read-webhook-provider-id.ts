import { optionError } from '../../options/option-error';

/**
 * The provider id a vendor's webhooks are recorded under: the vendor id, or the id the adapter was
 * created with (`providers.twilio.providerId` when two Twilio accounts run side by side).
 */
export function readWebhookProviderId(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(value)) throw optionError('providerId', 'is not a provider id.', `pass the id your provider was created with, e.g. '${fallback}'.`);
  return value;
}
