import { SmsError } from '../errors/sms-error';
import type { ProviderSendOptions, ProviderSendRequest, ProviderSendResult, SmsProvider } from '../providers/provider';

/** What the preflight found for one provider (`SMSService.ready()`, docs/platform-mode.md#preflight-smsready). */
export interface ProviderReadiness {
  readonly provider: string;
  /** `primary`: the first provider in the configured order; `fallback`: the others. */
  readonly role: 'primary' | 'fallback';
  readonly ready: boolean;
  /** Why it cannot send, when it cannot (reason `SDK_NOT_INSTALLED`, message naming `npm install telnyx`). */
  readonly error: SmsError | null;
}

/** Reasons of a send failure that say the provider cannot send at all until someone fixes the install. */
const UNAVAILABLE_REASONS: ReadonlySet<string> = new Set(['SDK_NOT_INSTALLED', 'SDK_LOAD_FAILED']);

/** A provider that remembers whether its last preflight, or an SDK load at a send, failed. */
export interface ReadinessTrackedProvider extends SmsProvider {
  ready(): Promise<void>;
  /** The error of the last failed preflight or SDK load; undefined once a preflight or a send succeeded. */
  unavailable(): SmsError | undefined;
}

/**
 * Wraps a provider so `health()` can report one that cannot send (`unavailable`): a failed `ready()`
 * marks it, as does a send that could not load the SDK (`SDK_NOT_INSTALLED`, `SDK_LOAD_FAILED`); a
 * successful `ready()` or send clears it. Everything else is forwarded as is.
 *
 * @example
 * const tracked = trackReadiness(createTelnyxProvider(settings));
 * await tracked.ready().catch(() => undefined);
 * tracked.unavailable()?.reason; // 'SDK_NOT_INSTALLED' when telnyx is not installed
 */
export function trackReadiness(provider: SmsProvider): ReadinessTrackedProvider {
  let unavailable: SmsError | undefined;
  return {
    specificationVersion: 'v1',
    id: provider.id,
    ...(provider.capabilities === undefined ? {} : { capabilities: provider.capabilities }),
    async ready(): Promise<void> {
      try {
        await provider.ready?.();
        unavailable = undefined;
      } catch (thrown) {
        unavailable = toReadinessError(thrown, provider.id);
        throw unavailable;
      }
    },
    async send(request: ProviderSendRequest, options?: ProviderSendOptions): Promise<ProviderSendResult> {
      try {
        const result = await provider.send(request, options);
        unavailable = undefined;
        return result;
      } catch (thrown) {
        if (SmsError.isInstance(thrown) && UNAVAILABLE_REASONS.has(thrown.reason)) unavailable = thrown;
        throw thrown;
      }
    },
    unavailable: () => unavailable,
  };
}

/**
 * What a `ready()` threw, as an `SmsError`: an `SmsError` as is; anything else as `PROVIDER_ERROR`,
 * reason `PROVIDER_NOT_READY`, naming the provider and keeping the original in `cause`.
 *
 * @example
 * toReadinessError(new Error('no API key'), 'my-gateway').message; // 'Provider "my-gateway" is not ready: no API key. Fix: …'
 */
export function toReadinessError(error: unknown, provider: string): SmsError {
  if (SmsError.isInstance(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'PROVIDER_NOT_READY',
    message: `Provider "${provider}" is not ready: ${detail}. Fix: correct what its ready() reports, then check again with sms.ready().`,
    retryable: false,
    fault: 'provider',
    outcomeUnknown: false,
    provider,
    cause: error,
  });
}
