import { describe, expect, it } from 'vitest';
import { currentHttpObservation, observations, type HttpObservation } from '../../../src/providers/kit/http-observation';

function observation(): HttpObservation {
  return { signal: new AbortController().signal, requestStarted: false, response: undefined, transportError: undefined };
}

describe('currentHttpObservation', () => {
  it('is undefined outside an attempt', () => {
    expect(currentHttpObservation()).toBeUndefined();
  });

  it('returns the observation of the attempt the async context belongs to, across awaits', async () => {
    const first = observation();
    const second = observation();
    const seen = await Promise.all([
      observations.run(first, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return currentHttpObservation();
      }),
      observations.run(second, async () => {
        await Promise.resolve();
        const current = currentHttpObservation();
        if (current !== undefined) current.requestStarted = true;
        return current;
      }),
    ]);
    expect(seen[0]).toBe(first);
    expect(seen[1]).toBe(second);
    expect(second.requestStarted).toBe(true);
    expect(first.requestStarted).toBe(false);
    expect(currentHttpObservation()).toBeUndefined();
  });
});
