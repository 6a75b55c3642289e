import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { callProviderPatiently } from '../../src/reconcile/call-provider-patiently';

const rateLimited = (retryAfterMs?: number) =>
  new SmsError({ code: 'RATE_LIMITED', reason: 'PROVIDER_RATE_LIMITED', message: 'Too many requests', retryable: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

/** A call that fails with the given errors in turn, then resolves `answer`; it counts its calls. */
function scripted<Result>(failures: unknown[], answer: Result) {
  const call = vi.fn(async () => {
    if (failures.length > 0) throw failures.shift();
    return answer;
  });
  return call;
}

describe('callProviderPatiently', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('resolves the first answer without waiting', async () => {
    const call = scripted([], 'found');
    await expect(callProviderPatiently(call, { maxWaits: 3 })).resolves.toBe('found');
    expect(call).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits the Retry-After of a RATE_LIMITED error, then calls again', async () => {
    const call = scripted([rateLimited(2_000)], 'found');
    const result = callProviderPatiently(call, { maxWaits: 3 });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(call).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('found');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('waits 1 s when the RATE_LIMITED error gives no Retry-After', async () => {
    const call = scripted([rateLimited()], 'found');
    const result = callProviderPatiently(call, { maxWaits: 1 });
    await vi.advanceTimersByTimeAsync(999);
    expect(call).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('found');
  });

  it('waits at most maxWaits times, then rejects with the last rate-limit error', async () => {
    const errors = [rateLimited(10), rateLimited(10), rateLimited(10), rateLimited(10)];
    const last = errors[2];
    const call = scripted([...errors], 'found');
    const result = callProviderPatiently(call, { maxWaits: 2 });
    const settled = expect(result).rejects.toBe(last);
    await vi.advanceTimersByTimeAsync(100);
    await settled;
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('with maxWaits 0 rejects the first rate-limit error without waiting', async () => {
    const error = rateLimited(10);
    const call = scripted([error], 'found');
    await expect(callProviderPatiently(call, { maxWaits: 0 })).rejects.toBe(error);
    expect(call).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['another SmsError', new SmsError({ code: 'PROVIDER_ERROR', reason: 'PROVIDER_SERVER_ERROR', message: 'Twilio: 503', retryable: true, retryAfterMs: 10 })],
    ['a plain Error', new Error('socket hang up')],
    ['a look-alike that is not an SmsError', Object.assign(new Error('Too many requests'), { code: 'RATE_LIMITED', retryAfterMs: 10 })],
  ])('rethrows %s at once, without waiting or calling again', async (_name, error) => {
    const call = scripted([error], 'found');
    await expect(callProviderPatiently(call, { maxWaits: 3 })).rejects.toBe(error);
    expect(call).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops waiting when the signal aborts, rejecting with the rate-limit error', async () => {
    const controller = new AbortController();
    const error = rateLimited(60_000);
    const call = scripted([error], 'found');
    const result = callProviderPatiently(call, { maxWaits: 3, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await expect(result).rejects.toBe(error);
    expect(call).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not wait at all under a signal already aborted', async () => {
    const error = rateLimited(10);
    const call = scripted([error], 'found');
    await expect(callProviderPatiently(call, { maxWaits: 3, signal: AbortSignal.abort() })).rejects.toBe(error);
    expect(call).toHaveBeenCalledTimes(1);
  });
});
