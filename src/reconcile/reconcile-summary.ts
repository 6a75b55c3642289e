import type { MessageStatus } from '../messages/message-status';

/** What one `reconcile()` run did (docs/reconciliation.md#the-summary). */
export interface ReconcileSummary {
  /** False when another instance held the reconciliation lock: this run checked nothing. */
  readonly ran: boolean;
  /** Records looked at. */
  readonly checked: number;
  /** Records moved to a new status by what the provider reported, per new status. */
  readonly settled: Readonly<Partial<Record<MessageStatus, number>>>;
  /** Records the provider provably never accepted, now `failed` (`NOT_ACCEPTED_BY_PROVIDER`). */
  readonly notSent: number;
  /** Of those, sent once more through the pipeline (`resendNotSent`). */
  readonly resent: number;
  /** Checked and unchanged: the provider reports the same status, or cannot tell yet. */
  readonly unchanged: number;
  /** Still `unknown`: not found, but not provably never accepted (no listing, or within its delay). */
  readonly stillUnknown: number;
  /** More than one provider message matches: left `unknown` for a person to decide (`ambiguousIds`). */
  readonly ambiguous: number;
  readonly ambiguousIds: readonly string[];
  /** Records whose provider cannot fetch or find messages (custom adapters, docs/reconciliation.md#what-each-vendor-can-do). */
  readonly unsupported: number;
  /** Records left for the next run after an error (a provider outage, Retry-After beyond the waits): id and message. */
  readonly errors: ReadonlyArray<{ readonly messageId: string; readonly message: string }>;
}

/** The mutable tally a run fills in. */
export interface ReconcileTally {
  checked: number;
  settled: Partial<Record<MessageStatus, number>>;
  notSent: number;
  resent: number;
  unchanged: number;
  stillUnknown: number;
  ambiguousIds: string[];
  unsupported: number;
  errors: Array<{ messageId: string; message: string }>;
}

/** An empty tally. */
export function createReconcileTally(): ReconcileTally {
  return { checked: 0, settled: {}, notSent: 0, resent: 0, unchanged: 0, stillUnknown: 0, ambiguousIds: [], unsupported: 0, errors: [] };
}

/**
 * The summary of a tally (`ran: false` when the lock was held elsewhere).
 *
 * @example
 * summarizeReconcile(createReconcileTally(), true).checked; // 0
 */
export function summarizeReconcile(tally: ReconcileTally, ran: boolean): ReconcileSummary {
  return { ran, ...tally, settled: { ...tally.settled }, ambiguous: tally.ambiguousIds.length, ambiguousIds: [...tally.ambiguousIds], errors: [...tally.errors] };
}
