/**
 * Bounds a Redis call: rejects with a plain `Error` after `timeoutMs`, so a slow or silent server sends
 * the decision to the insurance limiter instead of holding the send (docs/quotas.md#when-redis-fails,
 * like `RLWrapperTimeouts`). A late answer is dropped; a late failure is swallowed, never unhandled.
 *
 * @example
 * const reply = await redisLimitTimeout(client.get('key'), 500, 'consume');
 */
export function redisLimitTimeout<Value>(operation: Promise<Value>, timeoutMs: number, name: string): Promise<Value> {
  return new Promise<Value>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis rate limiter ${name} timed out after ${timeoutMs} ms`)), timeoutMs);
    operation.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
