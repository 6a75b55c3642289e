import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/cli/parse-duration';
import { UsageError } from '../../src/cli/parse-worker-arguments';

describe('parseDuration', () => {
  it.each([
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['90s', 90_000],
    ['500ms', 500],
    ['1d', 86_400_000],
    ['0s', 0],
    ['250', 250],
  ])('reads %s as %i ms', (text, milliseconds) => {
    expect(parseDuration(text, '--older-than')).toBe(milliseconds);
  });

  it.each(['soon', '15 minutes', '-5m', '1.5h', '', '5w'])('refuses %j naming the flag and the fix', (text) => {
    expect(() => parseDuration(text, '--older-than')).toThrow(UsageError);
    expect(() => parseDuration(text, '--older-than')).toThrow(/^--older-than: ".*" is not a duration\. Fix: pass a whole number with a unit, e\.g\. 15m/);
  });
});
