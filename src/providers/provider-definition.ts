/**
 * A built-in vendor as one value: everything the library knows about it, exported by its folder
 * (`src/providers/<vendor>/<vendor>-definition.ts`) and listed once in `built-in-providers.ts`.
 * `SMSService.fromConfig`, `fromEnv`, `createWebhookHandler`, the pricing defaults and the signing
 * helpers of `./testing` all derive from that list, so a new vendor is one folder plus one line
 * (docs/providers.md#adding-a-vendor).
 */
import type { Clock } from '../clock';
import type { ProviderPricing } from '../segments/pricing';
import type { ParsedWebhook } from './kit/parsed-webhook';
import type { SettingsProblem } from './kit/provider-settings';
import type { WebhookRejectionReason } from './kit/webhook-verification';
import type { SendCapabilities, SmsProvider } from './provider';

export interface ProviderDefinition<Settings = never, WebhookOptions = never, Id extends string = string> {
  /** Provider id: in results, events, pricing, `fromConfig({ provider })` and webhook options. */
  readonly id: Id;
  /** Name in messages: `Twilio`. */
  readonly displayName: string;
  /** The vendor's docs page in this repository, e.g. `docs/twilio.md`. */
  readonly docsPage: string;
  /** The official SDK, an optional peer loaded on first use: `npm install <sdkPackage>`. */
  readonly sdkPackage: string;
  /** The send adapter factory (`createTwilioProvider`). */
  readonly createProvider: (settings: Settings) => SmsProvider;
  /** Every problem of a settings object, without throwing; `fromConfig` and `fromEnv` collect them. */
  readonly findSettingsProblems: (settings: unknown) => SettingsProblem[];
  /**
   * Setting → environment variable, read by `SMSService.fromEnv` (any variable set configures the
   * vendor). Problems name the variable: a setting named in a problem text is replaced by its variable.
   */
  readonly environment: Readonly<Record<string, string>>;
  /**
   * The most the vendor's adapter can do (an adapter instance may offer less, e.g. Twilio schedules only
   * through a Messaging Service); `statusFetch` says whether it can fetch a message by id (`fetchMessage`),
   * `findMessages` whether it can find one by recipient and time (docs/reconciliation.md#what-each-vendor-can-do).
   */
  readonly capabilities: SendCapabilities & { readonly statusFetch: boolean; readonly findMessages: boolean };
  /** List price per outbound segment, with where it was read and when. */
  readonly pricing: ProviderPricing & { readonly source: string; readonly asOf: string };
  readonly webhook: ProviderWebhookDefinition<WebhookOptions>;
}

/** How the vendor's webhooks (status callbacks, inbound messages) are told apart, verified and read. */
export interface ProviderWebhookDefinition<Options> {
  /** The vendor's signature header names, lower-case, the first named in "no signature" answers. */
  readonly signatureHeaders: readonly string[];
  /**
   * Whether a request's headers say it comes from this vendor, before any verification (e.g.
   * `hasAnyHeader(signatureHeaders)` from the kit). `createWebhookHandler` asks every configured vendor;
   * exactly one must claim a request. Cheap and never throws; a claim is then verified by `read`.
   */
  claims(headers: Headers): boolean;
  /** The option keys of `createWebhookHandler({ providers: { <id>: { … } } })`, for typo checks. */
  readonly optionKeys: readonly string[];
  /**
   * Checks the vendor's webhook options once, at construction; throws a `ValidationError` naming
   * `field.<key>` for a malformed value. A missing secret is not an error: `missingSecret` is then set
   * and every request is refused with 403 (fail closed).
   */
  configure(options: Options, field: string): ConfiguredProviderWebhook;
  /** Signs a request as the vendor would, for tests (`signWebhookRequest` in `./testing`). */
  sign(input: WebhookSigningInput): SignedWebhookRequest<Options>;
}

export interface ConfiguredProviderWebhook {
  /** The provider id messages were recorded under (the vendor id, or the configured one). */
  readonly providerId: string;
  /** Why every request is refused when no secret is configured, naming the option to set; else undefined. */
  readonly missingSecret: string | undefined;
  /** Verifies the raw body against the request's signature headers, then reads it. Never throws. */
  read(request: Request, rawBody: Uint8Array, clock: Clock): WebhookReading | Promise<WebhookReading>;
  /** The vendor's 2xx: an empty TwiML `<Response/>`, or a JSON acknowledgement. */
  answer(helpReply?: string): Response;
  /** Whether `answer(helpReply)` carries the HELP reply; otherwise the handler sends it with `service.send`. */
  readonly repliesInline: boolean;
}

export type WebhookReading =
  | { readonly valid: true; readonly parsed: ParsedWebhook }
  | { readonly valid: false; readonly reason: WebhookRejectionReason; readonly message: string };

export interface WebhookSigningInput {
  /** The URL the vendor calls, query included. */
  readonly url: string;
  /** The raw body as the vendor sends it (form-encoded or JSON, per vendor). */
  readonly body: string;
  /** The signing secret (Twilio auth token, Telnyx Ed25519 seed in base64, Plivo auth token, Vonage signature secret). */
  readonly secret: string;
  /** Unix seconds of the signature, for vendors that sign a time. Default: now. */
  readonly timestamp?: number;
}

export interface SignedWebhookRequest<Options> {
  /** The URL to post to (Twilio JSON webhooks add `bodySHA256`). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The webhook options that verify this request: `{ authToken }`, `{ publicKey }`. */
  readonly options: Options;
}
