import type { PublicUrlOptions } from '../kit/read-public-url';

/** Twilio callbacks: how to verify them (`createWebhookHandler({ providers: { twilio } })`). */
export interface TwilioWebhookOptions extends PublicUrlOptions {
  /**
   * The account's Auth Token (TWILIO_AUTH_TOKEN), or several during a rotation. Unset or empty: every
   * Twilio callback is refused with 403 (fail closed).
   */
  authToken?: string | readonly string[] | undefined;
  /** The provider id the messages were recorded under. Default `twilio`. */
  providerId?: string;
}
