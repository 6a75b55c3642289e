import { describe, expect, it } from 'vitest';
import { readChoice } from '../../src/options/read-choice';

describe('readChoice', () => {
  it('defaults to the first choice and returns an allowed one', () => {
    expect(readChoice('options.queueType', undefined, ['quorum', 'classic'])).toBe('quorum');
    expect(readChoice('options.queueType', 'classic', ['quorum', 'classic'])).toBe('classic');
  });

  it.each([['stream', '"stream"'], [1, '1'], [null, 'null']])('refuses %o, listing the choices', (value, shown) => {
    expect(() => readChoice('options.queueType', value, ['quorum', 'classic'])).toThrow(`options.queueType: ${shown} is not allowed. Fix: pass one of 'quorum', 'classic'.`);
  });
});
