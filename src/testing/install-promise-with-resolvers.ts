interface PromiseWithResolversResult<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

/**
 * Installs `Promise.withResolvers` (ES2024, native from Node 22) when it is missing, and returns
 * whether it did. For tests on Node 20 with nock 15: its interceptor, @mswjs/interceptors 0.44,
 * calls `Promise.withResolvers` on every intercepted request, and without it each request fails
 * inside the HTTP stack with a `TypeError` that the adapters report as a broken connection
 * (`CONNECTION_LOST`, outcome unknown), even when the mock answered 201. Call it once, before the
 * first request (a vitest `setupFiles` entry, or the top of the test file). It follows the
 * specification (tc39.es/ecma262/#sec-promise.withResolvers): it is called on `this`, so a subclass
 * gets its own kind of promise, and it is installed non-enumerable like the native one. See
 * docs/testing.md#nodejs-20.
 *
 * @example
 * installPromiseWithResolvers(); // true on Node 20, false on Node 22+
 */
export function installPromiseWithResolvers(): boolean {
  const statics = Promise as unknown as { withResolvers?: unknown };
  if (typeof statics.withResolvers === 'function') return false;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: function withResolvers<T>(this: PromiseConstructor): PromiseWithResolversResult<T> {
      if (typeof this !== 'function') throw new TypeError('Promise.withResolvers called on a non-constructor');
      let resolve!: PromiseWithResolversResult<T>['resolve'];
      let reject!: PromiseWithResolversResult<T>['reject'];
      const promise = new this<T>((onResolve, onReject) => {
        resolve = onResolve;
        reject = onReject;
      });
      return { promise, resolve, reject };
    },
  });
  return true;
}
