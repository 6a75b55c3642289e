import { observations, type HttpObservation } from './http-observation';

/** Why an attempt was interrupted by the adapter rather than ended by the SDK. */
export type HttpInterruption = 'timeout' | 'caller-abort';

export type HttpAttemptOutcome<T> =
  | { readonly status: 'fulfilled'; readonly value: T; readonly observation: HttpObservation }
  | {
      readonly status: 'rejected';
      /** The SDK's error; `undefined` when the adapter's deadline or the caller's signal won the race. */
      readonly error: unknown;
      readonly interruption: HttpInterruption | undefined;
      readonly observation: HttpObservation;
    };

export interface RunHttpAttemptOptions<T> {
  /** Deadline for the whole attempt: connect, request, response headers and body. */
  timeoutMs: number;
  /** The caller's signal (`ProviderSendOptions.signal`). */
  signal?: AbortSignal;
  /** Starts the SDK call; `signal` must reach the transport so the HTTP request is really aborted. */
  request: (signal: AbortSignal) => Promise<T>;
}

const interrupted = Symbol('interrupted');

/**
 * Runs one SDK call with a hard deadline and the caller's signal, inside an {@link HttpObservation}.
 * The deadline and the caller's abort both abort the transport through the signal and end the wait
 * at once, even if an SDK ignored the signal, so `send()` never outlives `timeoutMs`. It never
 * retries.
 *
 * @example
 * const outcome = await runHttpAttempt({ timeoutMs: 10_000, signal, request: (signal) => client.messages.send(body, { signal }) });
 */
export async function runHttpAttempt<T>(options: RunHttpAttemptOptions<T>): Promise<HttpAttemptOutcome<T>> {
  const controller = new AbortController();
  const observation: HttpObservation = {
    signal: controller.signal,
    requestStarted: false,
    response: undefined,
    transportError: undefined,
  };
  let interruption: HttpInterruption | undefined;
  const interrupt = (kind: HttpInterruption, reason: unknown): void => {
    interruption ??= kind;
    controller.abort(reason);
  };
  const onCallerAbort = (): void => interrupt('caller-abort', options.signal?.reason);
  if (options.signal?.aborted === true) {
    return { status: 'rejected', error: undefined, interruption: 'caller-abort', observation };
  }
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    interrupt('timeout', new DOMException(`No answer within ${options.timeoutMs} ms`, 'TimeoutError'));
  }, options.timeoutMs);
  const stopped = new Promise<typeof interrupted>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve(interrupted), { once: true });
  });
  try {
    const request = observations.run(observation, () => options.request(controller.signal));
    // When the deadline wins the race the SDK still rejects later (aborted): expected, not unhandled.
    request.catch(() => undefined);
    const value = await Promise.race([request, stopped]);
    if (value === interrupted) return { status: 'rejected', error: undefined, interruption, observation };
    return { status: 'fulfilled', value, observation };
  } catch (error) {
    return { status: 'rejected', error, interruption, observation };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}
