import { NotReadyError } from '../errors/not-ready-error';
import { ValidationError } from '../errors/validation-error';
import type { ReliableProvider } from '../failover/create-reliable-provider';
import type { ServiceHealth } from '../failover/provider-health';
import type { ProviderReadiness } from '../failover/provider-readiness';

export interface ReadyOptions {
  /**
   * Resolve (status `degraded`) when only fallback providers cannot send; the primary must still be
   * ready. A send that fails over to such a fallback fails there as not sent (`SDK_NOT_INSTALLED` is a
   * provider fault), and `health()` reports it `unavailable`. Default false: any provider that cannot
   * send rejects.
   */
  readonly allowMissingFallback?: boolean;
}

/** What `SMSService.ready()` resolves with. */
export interface ServiceReadiness {
  /** `ready`: every provider can send. `degraded`: a fallback cannot (only with `allowMissingFallback`). */
  readonly status: 'ready' | 'degraded';
  readonly providers: readonly ProviderReadiness[];
}

/**
 * The preflight behind `SMSService.ready()`: runs every provider's `ready()` (built-in adapters load
 * their SDK and build their client) and resolves with the report, or rejects with a `NotReadyError`
 * listing each provider that cannot send and its fix (docs/platform-mode.md#preflight-smsready).
 *
 * @example
 * const readiness = await checkReadiness(sms.provider, { allowMissingFallback: true });
 * readiness.status; // 'degraded' when only the fallback's SDK is missing
 */
export async function checkReadiness(provider: ReliableProvider, options: ReadyOptions = {}): Promise<ServiceReadiness> {
  if (typeof options !== 'object' || options === null || (options.allowMissingFallback !== undefined && typeof options.allowMissingFallback !== 'boolean')) {
    throw new ValidationError({ field: 'options.allowMissingFallback', reason: 'INVALID_OPTION', problem: 'is not a boolean.', fix: 'pass { allowMissingFallback: true } or omit the argument.' });
  }
  const providers = await provider.readiness();
  const failing = providers.filter((entry) => !entry.ready);
  const refused = options.allowMissingFallback === true ? failing.filter((entry) => entry.role === 'primary') : failing;
  if (refused.length > 0) {
    throw new NotReadyError({ providers: failing.flatMap(({ provider: id, role, error }) => (error === null ? [] : [{ provider: id, role, error }])) });
  }
  return { status: failing.length === 0 ? 'ready' : 'degraded', providers };
}

/**
 * `SMSService.health()`: each provider's circuit and availability, and an overall status that counts a
 * provider skipped by its open circuit, or `unavailable` (SDK not loadable), as not usable.
 *
 * @example
 * summariseHealth(sms.provider).status; // 'ok' | 'degraded' | 'down'
 */
export function summariseHealth(provider: ReliableProvider): ServiceHealth {
  const providers = provider.health();
  const unusable = providers.filter((entry) => entry.state === 'open' || entry.unavailable !== undefined).length;
  return { status: unusable === 0 ? 'ok' : unusable === providers.length ? 'down' : 'degraded', providers };
}
