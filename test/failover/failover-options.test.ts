import { describe, expect, it } from 'vitest';
import { readFailoverOptions, type FailoverStrategy } from '../../src/failover/failover-options';

describe('readFailoverOptions', () => {
  it('defaults to the configured order and fail on an unknown outcome', () => {
    expect(readFailoverOptions(undefined, 'options.failover')).toEqual({ strategy: undefined, onUnknownOutcome: 'fail' });
  });

  it('keeps a strategy function and the duplicate-risk opt-in', () => {
    const strategy: FailoverStrategy = ({ providerIds }) => [...providerIds].reverse();
    const options = readFailoverOptions({ strategy, onUnknownOutcome: 'failover-accept-duplicate-risk' }, 'options.failover');
    expect(options.strategy).toBe(strategy);
    expect(options.onUnknownOutcome).toBe('failover-accept-duplicate-risk');
  });

  it('refuses an unknown policy, a non-function strategy and unknown keys', () => {
    expect(() => readFailoverOptions({ onUnknownOutcome: 'retry' }, 'options.failover')).toThrow(`options.failover.onUnknownOutcome: "retry" is not allowed. Fix: pass one of 'fail', 'failover-accept-duplicate-risk'.`);
    expect(() => readFailoverOptions({ strategy: ['twilio'] }, 'options.failover')).toThrow('options.failover.strategy');
    expect(() => readFailoverOptions({ order: [] }, 'x.failover')).toThrow('x.failover.order: is not a known option.');
  });
});
