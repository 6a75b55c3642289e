/**
 * What each built-in vendor's tests provide so the shared suites run over every vendor in any order:
 * the provider contract, the failover fault matrix and the webhook handler round trips. Each vendor
 * exports one `VendorFixture` as `fixture` from `test/providers/<vendor>/support/<vendor>-vendor-fixture.ts`;
 * `loadVendorFixtures()` finds them all, so a new vendor joins the suites without editing them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SmsProvider } from '../../src/providers/provider';
import type { nock } from './intercept-http';

export interface VendorFixture {
  /** The vendor id, as in `BUILT_IN_PROVIDERS`. */
  readonly id: string;
  /** Credentials that must never appear in an error's message or JSON. */
  readonly secrets: readonly string[];
  /** The adapter with test credentials and a default sender. */
  createProvider(options?: { timeoutMs?: number }): SmsProvider;
  /** A nock interceptor for one create request (origin, method, path; any body). */
  send(): nock.Interceptor;
  /** Realistic replies from the vendor's documentation, each registered on the given interceptor. */
  readonly reply: {
    accepted(interceptor: nock.Interceptor): nock.Scope;
    invalidRecipient(interceptor: nock.Interceptor): nock.Scope;
    /** Absent when the vendor has no create-time refusal for an opted-out number (Plivo fails it later). */
    optedOut?(interceptor: nock.Interceptor): nock.Scope;
    authenticationFailed(interceptor: nock.Interceptor): nock.Scope;
    /** A 429 (or the vendor's throttling answer) with these extra headers (e.g. `Retry-After`). */
    rateLimited(interceptor: nock.Interceptor, headers?: Record<string, string>): nock.Scope;
    serverError(interceptor: nock.Interceptor): nock.Scope;
  };
  /** The provider message id `reply.accepted` carries. */
  readonly acceptedMessageId: string;
  /** The vendor's own code each refusal carries (`SmsError.providerCode`), or null when it has none. */
  readonly providerCodes: { readonly invalidRecipient: string | null; readonly rateLimited: string | null; readonly serverError: string | null };
  /** Webhooks as the vendor sends them, unsigned; the suites sign them with `signWebhookRequest`. */
  readonly webhook: {
    /** The signing secret (see `WebhookSigningInput.secret`). */
    readonly secret: string;
    /** A final delivery status for a message the vendor accepted under `providerMessageId`. */
    delivered(providerMessageId: string): { readonly url: string; readonly body: string; readonly contentType: string };
    /** An inbound message from `from` to `to`. */
    inbound(message: { from: string; to: string; body: string }): { readonly url: string; readonly body: string; readonly contentType: string };
  };
}

const providersFolder = join(import.meta.dirname, '..', 'providers');

/** Every vendor's fixture, in `BUILT_IN_PROVIDERS` order when `order` is given, else by folder name. */
export async function loadVendorFixtures(order?: readonly string[]): Promise<VendorFixture[]> {
  const folders = readdirSync(providersFolder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const fixtures: VendorFixture[] = [];
  for (const folder of folders.sort()) {
    const file = join(providersFolder, folder, 'support', `${folder}-vendor-fixture.ts`);
    if (!readdirSync(join(providersFolder, folder)).includes('support')) continue;
    if (!readdirSync(join(providersFolder, folder, 'support')).includes(`${folder}-vendor-fixture.ts`)) continue;
    const loaded = (await import(file)) as { fixture: VendorFixture };
    fixtures.push(loaded.fixture);
  }
  if (order === undefined) return fixtures;
  // Only the listed vendors: a vendor folder not yet in BUILT_IN_PROVIDERS keeps its own tests.
  return fixtures.filter((fixture) => order.includes(fixture.id)).sort((left, right) => order.indexOf(left.id) - order.indexOf(right.id));
}
