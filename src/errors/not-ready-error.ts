import { SmsError } from './sms-error';

const marker = Symbol.for('@ocelot-platform/tools-core.NotReadyError');

/** One provider the preflight found unable to send. */
export interface NotReadyProvider {
  readonly provider: string;
  readonly role: 'primary' | 'fallback';
  readonly error: SmsError;
}

export interface NotReadyErrorOptions {
  /** The providers that cannot send, in the configured order (at least one). */
  readonly providers: readonly NotReadyProvider[];
}

/**
 * `SMSService.ready()` found a provider that cannot send (`PROVIDER_ERROR`, reason `NOT_READY`, not
 * retryable until someone fixes the install or the settings). The message lists each provider with
 * its own fix, such as "run `npm install telnyx`"; `providers` carries each one's `SmsError`
 * (reason `SDK_NOT_INSTALLED`, `SDK_LOAD_FAILED`, `PROVIDER_NOT_READY`…).
 *
 * @example
 * try {
 *   await sms.ready();
 * } catch (error) {
 *   if (NotReadyError.isInstance(error)) console.error(error.providers.map((entry) => entry.error.message));
 * }
 */
export class NotReadyError extends SmsError {
  private readonly [marker] = true;
  readonly providers: readonly NotReadyProvider[];

  constructor(options: NotReadyErrorOptions) {
    const listed = options.providers.map(({ provider, role, error }) => `${provider} (${role}): ${error.message}`).join(' ');
    super({
      code: 'PROVIDER_ERROR',
      reason: 'NOT_READY',
      message: `The SMS service is not ready: ${listed}`,
      retryable: false,
      fault: 'provider',
      outcomeUnknown: false,
      provider: options.providers[0]?.provider,
      cause: options.providers[0]?.error,
    });
    this.name = 'NotReadyError';
    this.providers = options.providers;
  }

  static override isInstance(value: unknown): value is NotReadyError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), providers: this.providers.map(({ provider, role, error }) => ({ provider, role, error: error.toJSON() })) };
  }
}
