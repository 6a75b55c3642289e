/** Plivo webhooks (status callbacks and inbound messages): how to verify them. */
export interface PlivoWebhookOptions {
  /**
   * The Auth Token (PLIVO_AUTH_TOKEN) of the account or subaccount that sends the messages, or several
   * during a rotation; the main account's token verifies `X-Plivo-Signature-Ma-V3` too. Unset or
   * empty: every Plivo webhook is refused with 403 (fail closed).
   */
  authToken?: string | readonly string[] | undefined;
  /**
   * The origin Plivo calls, e.g. `https://api.example.com`: replaces the scheme, host and port this
   * process sees (a reverse proxy rewrites them, and Plivo signed the public URL). The path and query
   * are kept from the request.
   */
  publicOrigin?: string;
  /** Or the whole public URL of a request, for proxies that also rewrite the path. */
  publicUrl?: (request: Request) => string;
  /** The provider id the messages were recorded under. Default `plivo`. */
  providerId?: string;
}

export const PLIVO_WEBHOOK_OPTION_KEYS = ['authToken', 'publicOrigin', 'publicUrl', 'providerId'] as const;
