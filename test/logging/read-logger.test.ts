import { describe, expect, it } from 'vitest';
import { processWarningLogger } from '../../src/logging/logger';
import { readLogger } from '../../src/logging/read-logger';

describe('readLogger', () => {
  it('defaults to the process-warning logger, and keeps a pino-shaped one', () => {
    expect(readLogger(undefined, 'options.logger')).toBe(processWarningLogger);
    const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    expect(readLogger(logger, 'options.logger')).toBe(logger);
  });

  it('refuses what is not a logger, naming the missing methods and the fix', () => {
    expect(() => readLogger(console.log, 'options.logger')).toThrow(/^options\.logger: has no info, warn, error methods\. Fix: pass a pino logger/);
    expect(() => readLogger({ info() {}, warn() {} }, 'options.logger')).toThrow(/^options\.logger: has no error method\./);
  });
});
