import { UsageError } from './parse-worker-arguments';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A command-line duration in milliseconds: a whole number with a unit (`90s`, `15m`, `2h`, `1d`, `500ms`),
 * or bare milliseconds. Anything else is a `UsageError` naming the flag.
 *
 * @example
 * parseDuration('15m', '--older-than'); // 900000
 */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d{1,9})(ms|s|m|h|d)?$/.exec(text.trim());
  if (match === null) throw new UsageError(`${flag}: "${text}" is not a duration. Fix: pass a whole number with a unit, e.g. 15m, 2h, 90s or 500ms.`);
  return Number(match[1]) * (UNITS[match[2] ?? 'ms'] as number);
}
