import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/cli/create-json-logger';

describe('createJsonLogger', () => {
  it('writes each entry as one JSON line with time first', () => {
    const lines: string[] = [];
    const log = createJsonLogger((line) => lines.push(line), { now: () => Date.UTC(2026, 0, 1, 9, 30) });
    log({ level: 'info', event: 'worker.started', component: 'worker' });
    log({ level: 'warn', event: 'request.failed', attempt: 2, nested: { a: null } });
    expect(lines).toEqual([
      '{"time":"2026-01-01T09:30:00.000Z","level":"info","event":"worker.started","component":"worker"}',
      '{"time":"2026-01-01T09:30:00.000Z","level":"warn","event":"request.failed","attempt":2,"nested":{"a":null}}',
    ]);
    expect(Object.keys(JSON.parse(lines[0] ?? '{}') as object)[0]).toBe('time');
  });
});
