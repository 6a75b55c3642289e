import { describe, expect, it } from 'vitest';
import { parseCommandArguments } from '../../src/cli/parse-command-arguments';
import { UsageError } from '../../src/cli/parse-worker-arguments';

describe('parseCommandArguments', () => {
  it('returns the flags and positionals', () => {
    expect(parseCommandArguments('segments', ['--json', 'Hello', '--encoding', 'GSM-7', 'there'], { json: { type: 'boolean' }, encoding: { type: 'string' } })).toEqual({
      values: { json: true, encoding: 'GSM-7' },
      positionals: ['Hello', 'there'],
    });
  });

  it('answers help for --help and -h', () => {
    expect(parseCommandArguments('cost', ['--help'], {})).toBe('help');
    expect(parseCommandArguments('cost', ['x', '-h'], {})).toBe('help');
  });

  it('refuses an unknown flag and a missing value with a UsageError naming the command help', () => {
    const unknown = (() => {
      try {
        parseCommandArguments('segments', ['--jsn'], { json: { type: 'boolean' } });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(unknown).toBeInstanceOf(UsageError);
    expect((unknown as Error).message).toMatch(/'--jsn'.* Run tools-core segments --help\.$/);
    expect((unknown as Error).message).not.toContain('To specify a positional argument');
    expect(() => parseCommandArguments('send', ['--config'], { config: { type: 'string' } })).toThrow(/--config.* Run tools-core send --help\.$/);
  });
});
