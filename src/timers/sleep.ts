/**
 * The library's one wait: resolves `true` after `milliseconds` on a real timer (fakeable with the test
 * runner's timers), or `false` as soon as `signal` aborts, clearing the timer. It never rejects, so each
 * caller says in its own words what an abort means.
 *
 * @example
 * if (!(await sleep(250, signal))) throw abortedError();
 */
export function sleep(milliseconds: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted === true) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
