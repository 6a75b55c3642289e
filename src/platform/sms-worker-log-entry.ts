/**
 * One structured line of what a worker did (the CLI prints them as JSON). Log-safe: no body, numbers
 * masked (`+1415•••0100`).
 */
export interface SmsWorkerLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly event:
    | 'worker.started'
    | 'worker.stopping'
    | 'worker.stopped'
    | 'request.sent'
    | 'request.failed'
    | 'request.expired'
    | 'request.invalid'
    | 'request.delayed'
    | 'request.requeued'
    | 'reconcile.finished'
    | 'reconcile.failed';
  readonly request_id?: string;
  readonly correlation_id?: string;
  readonly tenant_id?: string | null;
  /** Masked destination. */
  readonly to?: string;
  readonly code?: string;
  readonly reason?: string;
  readonly provider?: string | null;
  readonly delay_ms?: number;
  readonly attempt?: number;
  readonly redelivered?: boolean;
  readonly duration_ms?: number;
  readonly in_flight?: number;
  readonly queue?: string;
  readonly concurrency?: number;
  readonly message?: string;
  /** A reconciliation run (`reconcile.finished`): records checked, settled per new status, and what is left. */
  readonly checked?: number;
  readonly settled?: Readonly<Record<string, number>>;
  readonly not_sent?: number;
  readonly still_unknown?: number;
  readonly ambiguous?: number;
  readonly errors?: number;
}
