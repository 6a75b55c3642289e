import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installPromiseWithResolvers } from '../../src/testing';

type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };
const statics = Promise as unknown as { withResolvers?: WithResolvers };

describe('installPromiseWithResolvers', () => {
  let original: PropertyDescriptor | undefined;
  beforeEach(() => {
    original = Object.getOwnPropertyDescriptor(Promise, 'withResolvers');
    delete statics.withResolvers;
  });
  afterEach(() => {
    delete statics.withResolvers;
    if (original !== undefined) Object.defineProperty(Promise, 'withResolvers', original);
  });

  it('installs only when missing and says whether it did', () => {
    expect(installPromiseWithResolvers()).toBe(true);
    const installed = statics.withResolvers;
    expect(installPromiseWithResolvers()).toBe(false);
    expect(statics.withResolvers).toBe(installed);
  });

  it('keeps an existing implementation', () => {
    const existing: WithResolvers = () => ({ promise: Promise.resolve(undefined as never), resolve: () => undefined, reject: () => undefined });
    statics.withResolvers = existing;
    expect(installPromiseWithResolvers()).toBe(false);
    expect(statics.withResolvers).toBe(existing);
  });

  it('resolves and rejects like the native one, and is non-enumerable with the native name and length', async () => {
    installPromiseWithResolvers();
    const withResolvers = statics.withResolvers as WithResolvers;
    const resolved = withResolvers.call(Promise) as ReturnType<WithResolvers>;
    resolved.resolve(42);
    await expect(resolved.promise).resolves.toBe(42);
    const rejected = statics.withResolvers?.<number>();
    rejected?.reject(new Error('no'));
    await expect(rejected?.promise).rejects.toThrow('no');
    expect(Object.getOwnPropertyDescriptor(Promise, 'withResolvers')).toMatchObject({ enumerable: false, writable: true, configurable: true });
    expect(withResolvers.name).toBe('withResolvers');
    expect(withResolvers.length).toBe(0);
  });

  it('builds the promise with `this`, so a subclass gets its own kind, and refuses a non-constructor', () => {
    installPromiseWithResolvers();
    class TrackedPromise<T> extends Promise<T> {}
    const withResolvers = statics.withResolvers as WithResolvers;
    const { promise, resolve } = withResolvers.call(TrackedPromise) as ReturnType<WithResolvers>;
    expect(promise).toBeInstanceOf(TrackedPromise);
    resolve(undefined);
    expect(() => withResolvers.call(undefined)).toThrow(TypeError);
  });
});
