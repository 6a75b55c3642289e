import { ValidationError } from '../errors/validation-error';
import type { ReconcileOptions } from '../reconcile/reconcile-options';
import type { ReconcileSummary } from '../reconcile/reconcile-summary';
import type { SmsWorkerLogEntry } from './sms-worker-log-entry';

/** `createSmsWorker({ reconcile })`: reconcile every `everyMs` while the worker runs. */
export type WorkerReconcileOptions = Omit<ReconcileOptions, 'signal'> & {
  /** Milliseconds between runs, from the end of one to the start of the next. Default 300 000 (5 minutes). */
  readonly everyMs?: number;
};

export interface ReconcileSchedule {
  start(): void;
  /** Stops the schedule, aborting a run in progress at its next record, and waits for it. */
  stop(): Promise<void>;
}

/**
 * The worker's periodic reconciliation (docs/reconciliation.md#in-the-worker): `reconcile()` every `everyMs`,
 * each run's summary logged (`reconcile.finished`, or `reconcile.failed` with the error); a failing run never
 * stops the worker. Every worker may run it: the lock in the shared store lets one at a time check records.
 *
 * @example
 * const schedule = createReconcileSchedule({ reconcile: () => sms.reconcile(), options: { everyMs: 60_000 }, log });
 */
export function createReconcileSchedule(input: {
  readonly reconcile: (options: ReconcileOptions) => Promise<ReconcileSummary>;
  readonly options: WorkerReconcileOptions;
  readonly log: (entry: SmsWorkerLogEntry) => void;
}): ReconcileSchedule {
  const { everyMs = 300_000, ...options } = input.options;
  if (!Number.isSafeInteger(everyMs) || everyMs < 10 || everyMs > 86_400_000) {
    throw new ValidationError({ field: 'options.reconcile.everyMs', reason: 'INVALID_OPTION', problem: `${String(everyMs)} is out of range.`, fix: 'pass milliseconds from 10 to 86400000, e.g. 300000 for every five minutes.' });
  }
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const run = async (): Promise<void> => {
    try {
      const summary = await input.reconcile({ ...options, signal: controller.signal });
      if (summary.ran) {
        input.log({ level: summary.errors.length === 0 ? 'info' : 'warn', event: 'reconcile.finished', checked: summary.checked, settled: summary.settled, not_sent: summary.notSent, still_unknown: summary.stillUnknown, ambiguous: summary.ambiguous, errors: summary.errors.length });
      }
    } catch (error) {
      input.log({ level: 'error', event: 'reconcile.failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const schedule = (): void => {
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      running = run().then(schedule);
    }, everyMs);
    timer.unref?.();
  };

  return {
    start: schedule,
    async stop() {
      controller.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
