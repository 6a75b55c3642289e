/**
 * How one provider attempt ended (docs/reliability.md#three-outcomes-per-attempt): `sent` (accepted), `not_sent` (safe to retry or
 * fail over) or `unknown` (may have been accepted: never re-sent blindly).
 */
export type AttemptOutcome = 'sent' | 'not_sent' | 'unknown';

export interface SendAttempt {
  readonly provider: string;
  readonly outcome: AttemptOutcome;
  /** Taxonomy code of the attempt's error, null when it was sent. */
  readonly errorCode: string | null;
  readonly errorReason: string | null;
  /** The provider's own error code, when it gave one. */
  readonly providerCode: string | null;
  readonly durationMs: number;
}
