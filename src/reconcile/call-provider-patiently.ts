import { SmsError } from '../errors/sms-error';
import { sleep } from '../timers/sleep';

/**
 * Runs one provider call (a fetch or a listing), waiting out the provider's rate limit: on `RATE_LIMITED`
 * it sleeps the `Retry-After` the adapter read (`retryAfterMs`, else 1 s) and tries again, at most
 * `maxWaits` times; then, or on any other error, it rejects and the record waits for the next run.
 *
 * @example
 * const found = await callProviderPatiently(() => twilio.fetchMessage({ providerMessageId }), { maxWaits: 3 });
 */
export async function callProviderPatiently<Result>(call: () => Promise<Result>, options: { readonly maxWaits: number; readonly signal?: AbortSignal | undefined }): Promise<Result> {
  for (let waits = 0; ; waits += 1) {
    try {
      return await call();
    } catch (error) {
      const rateLimited = SmsError.isInstance(error) && error.code === 'RATE_LIMITED';
      if (!rateLimited || waits >= options.maxWaits) throw error;
      if (!(await sleep(error.retryAfterMs ?? 1_000, options.signal))) throw error;
    }
  }
}
