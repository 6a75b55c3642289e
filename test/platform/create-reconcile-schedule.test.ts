import { describe, expect, it } from 'vitest';
import { createReconcileSchedule } from '../../src/platform/create-reconcile-schedule';
import type { SmsWorkerLogEntry } from '../../src/platform/sms-worker-log-entry';
import type { ReconcileOptions } from '../../src/reconcile/reconcile-options';
import { createReconcileTally, summarizeReconcile } from '../../src/reconcile/reconcile-summary';
import { until } from './support/platform-fixtures';

describe('createReconcileSchedule', () => {
  it('runs reconcile every everyMs with the options and a signal, logging each summary, until stopped', async () => {
    const calls: ReconcileOptions[] = [];
    const log: SmsWorkerLogEntry[] = [];
    const tally = { ...createReconcileTally(), checked: 3, settled: { delivered: 2 } };
    const schedule = createReconcileSchedule({ reconcile: async (options) => (calls.push(options), summarizeReconcile(tally, calls.length !== 2)), options: { everyMs: 10, limit: 50 }, log: (entry) => log.push(entry) });
    schedule.start();
    await until('three runs', () => calls.length >= 3);
    await schedule.stop();
    const after = calls.length;
    expect(calls[0]).toMatchObject({ limit: 50, signal: expect.any(AbortSignal) });
    expect(calls[0]?.signal?.aborted).toBe(true);
    // The second run found the lock held: nothing to log.
    expect(log.slice(0, 2)).toEqual([
      { level: 'info', event: 'reconcile.finished', checked: 3, settled: { delivered: 2 }, not_sent: 0, still_unknown: 0, ambiguous: 0, errors: 0 },
      { level: 'info', event: 'reconcile.finished', checked: 3, settled: { delivered: 2 }, not_sent: 0, still_unknown: 0, ambiguous: 0, errors: 0 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls.length).toBe(after);
  });

  it('logs a failing run and keeps the schedule going', async () => {
    let runs = 0;
    const log: SmsWorkerLogEntry[] = [];
    const schedule = createReconcileSchedule({
      reconcile: async () => {
        runs += 1;
        if (runs === 1) throw new Error('database is down');
        return summarizeReconcile({ ...createReconcileTally(), errors: [{ messageId: 'm1', message: 'Twilio 500' }] }, true);
      },
      options: { everyMs: 10 },
      log: (entry) => log.push(entry),
    });
    schedule.start();
    await until('two runs', () => log.length >= 2);
    await schedule.stop();
    expect(log[0]).toEqual({ level: 'error', event: 'reconcile.failed', message: 'database is down' });
    expect(log[1]).toMatchObject({ level: 'warn', event: 'reconcile.finished', errors: 1 });
  });

  it.each([0, 5, 1.5, 86_400_001])('refuses everyMs %s, naming the option', (everyMs) => {
    expect(() => createReconcileSchedule({ reconcile: async () => summarizeReconcile(createReconcileTally(), true), options: { everyMs }, log: () => undefined })).toThrow(/^options\.reconcile\.everyMs: .* is out of range\. Fix: pass milliseconds from 10 to 86400000/);
  });
});
