import { describe, expect, it } from 'vitest';
import { createCliLogger } from '../../src/cli/create-cli-logger';
import type { LogEntry } from '../../src/cli/create-json-logger';

describe('createCliLogger', () => {
  it('turns library log calls into CLI entries: event from the code, the error as its message', () => {
    const entries: LogEntry[] = [];
    const logger = createCliLogger((entry) => void entries.push(entry), 'worker');
    logger.warn({ code: 'TOOLS_CORE_QUOTA_DEGRADED', component: 'quota', err: new Error('ECONNREFUSED') }, 'tools-core quota limit store failed');
    logger.info({ stage: 'x' }, 'hello');
    expect(entries).toEqual([
      { level: 'warn', event: 'tools_core_quota_degraded', component: 'quota', error: 'ECONNREFUSED', message: 'tools-core quota limit store failed' },
      { level: 'info', event: 'log', component: 'worker', stage: 'x', message: 'hello' },
    ]);
  });
});
