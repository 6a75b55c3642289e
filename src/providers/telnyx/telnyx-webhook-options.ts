/** Telnyx webhooks: how to verify them (`createWebhookHandler({ providers: { telnyx } })`). */
export interface TelnyxWebhookOptions {
  /**
   * The account's public key, base64 (Mission Control → Keys & Credentials → Public Key), or several.
   * Unset or empty: every Telnyx webhook is refused with 403 (fail closed).
   */
  publicKey?: string | readonly string[] | undefined;
  /** Seconds `telnyx-timestamp` may be away from this server's clock, both ways. Default 300. */
  toleranceSeconds?: number;
  /** The provider id the messages were recorded under. Default `telnyx`. */
  providerId?: string;
}
