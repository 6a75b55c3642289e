import { describe, expect, it } from 'vitest';
import { readPaceRule, readPaceRules } from '../../src/limits/read-pace-rule';
import type { PaceRule } from '../../src/limits/quota-options';

describe('readPaceRule', () => {
  it('rounds the interval up to whole milliseconds and defaults maxQueue 50, maxWaitMs 30 s', () => {
    expect(readPaceRule('r', { messagesPerSecond: 1 })).toEqual({ intervalMs: 1000, maxQueue: 50, maxWaitMs: 30_000 });
    expect(readPaceRule('r', { messagesPerSecond: 3 }).intervalMs).toBe(334);
  });

  it('bounds maxWaitMs by maxQueue intervals', () => {
    expect(readPaceRule('r', { messagesPerSecond: 1, maxQueue: 5 })).toEqual({ intervalMs: 1000, maxQueue: 5, maxWaitMs: 5000 });
    expect(readPaceRule('r', { messagesPerSecond: 1, maxQueue: 5, maxWaitMs: 2000 }).maxWaitMs).toBe(2000);
    expect(readPaceRule('r', { messagesPerSecond: 1, maxQueue: 0 }).maxWaitMs).toBe(0);
  });

  it.each([0, 0.0009, 10_001, '1', Number.NaN])('refuses the rate %o naming the field', (rate) => {
    expect(() => readPaceRule('options.rule', { messagesPerSecond: rate } as unknown as PaceRule)).toThrow(/^options\.rule\.messagesPerSecond: .* is not a rate from 0\.001 to 10000\./);
  });

  it('refuses unknown keys and bad bounds', () => {
    expect(() => readPaceRule('options.rule', { messagesPerSecond: 1, burst: 2 } as unknown as PaceRule)).toThrow('options.rule.burst: is not a known option.');
    expect(() => readPaceRule('options.rule', { messagesPerSecond: 1, maxQueue: -1 })).toThrow('options.rule.maxQueue');
    expect(() => readPaceRule('options.rule', { messagesPerSecond: 1, maxWaitMs: 3_600_001 })).toThrow('options.rule.maxWaitMs');
  });
});

describe('readPaceRules', () => {
  it('resolves each rule by key, nothing for undefined', () => {
    expect(readPaceRules('s', undefined).size).toBe(0);
    const rules = readPaceRules('s', { '12345': { messagesPerSecond: 100 }, '+14155550100': { messagesPerSecond: 1 } });
    expect(rules.get('12345')?.intervalMs).toBe(10);
    expect(rules.get('+14155550100')?.intervalMs).toBe(1000);
  });

  it('names the key of a bad rule, and refuses a non-object', () => {
    expect(() => readPaceRules('options.senders', { '12345': { messagesPerSecond: 0 } })).toThrow('options.senders["12345"].messagesPerSecond');
    expect(() => readPaceRules('options.senders', [])).toThrow(/^options\.senders: must be an object/);
  });
});
