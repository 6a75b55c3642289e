import { optionError } from '../options/option-error';
import { checkOptionsObject } from '../options/check-options-object';
import { readWholeNumber } from '../options/read-whole-number';
import { describeValue } from '../options/describe-value';
import { isPlainObject } from '../options/is-plain-object';
import type { PaceRule } from './quota-options';

/** A `PaceRule` turned into what the pacer needs: whole-millisecond spacing and the longest wait. */
export interface ResolvedPaceRule {
  readonly intervalMs: number;
  /** The tighter of `maxWaitMs` and `maxQueue` intervals: a slot further away means a full queue. */
  readonly maxWaitMs: number;
  readonly maxQueue: number;
}

const ruleKeys = ['messagesPerSecond', 'maxQueue', 'maxWaitMs'];

/**
 * Checks one pacing rule. The interval is rounded up to whole milliseconds, so the paced rate never
 * exceeds the one configured (3/s gives 334 ms, 2.99/s).
 */
export function readPaceRule(field: string, rule: PaceRule): ResolvedPaceRule {
  checkOptionsObject(field, rule, ruleKeys, { required: true, example: '{ messagesPerSecond: 1, maxQueue: 50, maxWaitMs: 30_000 }' });
  const rate = rule.messagesPerSecond as unknown;
  if (typeof rate !== 'number' || !(rate >= 0.001 && rate <= 10_000)) {
    throw optionError(`${field}.messagesPerSecond`, `${describeValue(rate)} is not a rate from 0.001 to 10000.`, 'pass sends per second, e.g. 1 for a Twilio long code.');
  }
  readWholeNumber(`${field}.maxQueue`, rule.maxQueue, undefined, { minimum: 0, maximum: 1_000_000 });
  readWholeNumber(`${field}.maxWaitMs`, rule.maxWaitMs, undefined, { minimum: 0, maximum: 3_600_000 });
  const intervalMs = Math.ceil(1000 / rate);
  const maxQueue = rule.maxQueue ?? 50;
  return { intervalMs, maxQueue, maxWaitMs: Math.min(rule.maxWaitMs ?? 30_000, maxQueue * intervalMs) };
}

/** Checks a map of rules (by sender or provider id) and resolves each. */
export function readPaceRules(field: string, rules: unknown): Map<string, ResolvedPaceRule> {
  const resolved = new Map<string, ResolvedPaceRule>();
  if (rules === undefined) return resolved;
  if (!isPlainObject(rules)) throw optionError(field, `must be an object, got ${describeValue(rules)}.`, "pass rules by key, e.g. { '+14155550100': { messagesPerSecond: 1 } }.");
  for (const [key, rule] of Object.entries(rules)) resolved.set(key, readPaceRule(`${field}[${JSON.stringify(key)}]`, rule as PaceRule));
  return resolved;
}
