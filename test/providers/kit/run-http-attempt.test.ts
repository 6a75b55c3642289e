import { describe, expect, it } from 'vitest';
import { runHttpAttempt } from '../../../src/providers/kit/run-http-attempt';
import { sleep } from '../../support/intercept-http';

describe('runHttpAttempt', () => {
  it('returns the value when the request settles in time', async () => {
    const outcome = await runHttpAttempt({ timeoutMs: 500, request: async () => 'ok' });
    expect(outcome).toMatchObject({ status: 'fulfilled', value: 'ok' });
  });

  it('ends at the deadline even when the request ignores the signal, and aborts the signal', async () => {
    let seen: AbortSignal | undefined;
    const startedAt = Date.now();
    const outcome = await runHttpAttempt({
      timeoutMs: 50,
      request: (signal) => {
        seen = signal;
        return sleep(1_000).then(() => 'late');
      },
    });
    expect(Date.now() - startedAt).toBeLessThan(500);
    expect(outcome).toMatchObject({ status: 'rejected', interruption: 'timeout', error: undefined });
    expect(seen?.aborted).toBe(true);
  });

  it('reports a caller abort, and never calls the request when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let called = false;
    const outcome = await runHttpAttempt({
      timeoutMs: 500,
      signal: controller.signal,
      request: async () => {
        called = true;
        return 'x';
      },
    });
    expect(called).toBe(false);
    expect(outcome).toMatchObject({ status: 'rejected', interruption: 'caller-abort' });
  });

  it('passes the SDK error through with no interruption', async () => {
    const failure = new Error('boom');
    const outcome = await runHttpAttempt({ timeoutMs: 500, request: () => Promise.reject(failure) });
    expect(outcome).toMatchObject({ status: 'rejected', error: failure, interruption: undefined });
  });
});
