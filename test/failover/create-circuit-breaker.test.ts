import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../src/failover/create-circuit-breaker';

function setup(failureThreshold = 2, cooldownMs = 1000) {
  let now = 10_000;
  const breaker = createCircuitBreaker({ failureThreshold, cooldownMs }, { now: () => now });
  return { breaker, advance: (ms: number) => (now += ms) };
}

describe('createCircuitBreaker', () => {
  it('opens after failureThreshold consecutive failures; a success in between resets the count', () => {
    const { breaker } = setup(2);
    breaker.acquire()?.failed();
    breaker.acquire()?.succeeded();
    breaker.acquire()?.failed();
    expect(breaker.snapshot()).toEqual({ state: 'closed', consecutiveFailures: 1, probeAt: undefined });
    breaker.acquire()?.failed();
    expect(breaker.snapshot()).toEqual({ state: 'open', consecutiveFailures: 2, probeAt: 11_000 });
    expect(breaker.acquire()).toBeUndefined();
  });

  it('lets exactly one probe through after the cooldown; its success closes the circuit', () => {
    const { breaker, advance } = setup(1);
    breaker.acquire()?.failed();
    advance(999);
    expect(breaker.acquire()).toBeUndefined();
    advance(1);
    expect(breaker.snapshot().state).toBe('half-open');
    const probe = breaker.acquire();
    expect(probe).toBeDefined();
    expect(breaker.acquire()).toBeUndefined();
    probe?.succeeded();
    expect(breaker.snapshot()).toEqual({ state: 'closed', consecutiveFailures: 0, probeAt: undefined });
  });

  it('re-opens for another cooldown when the probe fails, and frees the probe slot when released', () => {
    const { breaker, advance } = setup(1);
    breaker.acquire()?.failed();
    advance(1000);
    breaker.acquire()?.released();
    expect(breaker.snapshot().state).toBe('half-open');
    breaker.acquire()?.failed();
    expect(breaker.snapshot()).toEqual({ state: 'open', consecutiveFailures: 2, probeAt: 12_000 });
  });

  it('counts a pass once and ignores results of calls started before the circuit opened', () => {
    const { breaker } = setup(2);
    const early = breaker.acquire();
    const pass = breaker.acquire();
    pass?.failed();
    pass?.failed();
    expect(breaker.snapshot().consecutiveFailures).toBe(1);
    breaker.acquire()?.failed();
    expect(breaker.snapshot().state).toBe('open');
    early?.succeeded();
    expect(breaker.snapshot()).toMatchObject({ state: 'open', consecutiveFailures: 2 });
  });

  it('does not count released calls', () => {
    const { breaker } = setup(1);
    breaker.acquire()?.released();
    expect(breaker.snapshot()).toEqual({ state: 'closed', consecutiveFailures: 0, probeAt: undefined });
  });
});
