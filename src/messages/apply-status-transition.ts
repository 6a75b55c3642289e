import type { MessageStatus } from '../messages/message-status';

/**
 * Rank of each outbound status; a callback applies only when it ranks higher than the stored status
 * (docs/webhooks.md#delivery-statuses). Provider callbacks are not ordered
 * (Twilio "order not guaranteed"; Telnyx "duplicated, delayed, or delivered out of order"), so a late
 * `sent` never overwrites `delivered`.
 *
 * - `unknown` (0) is a send whose outcome was unknown: any callback resolves it.
 * - `undelivered` and `failed` (4) are terminal failures; the first one stays.
 * - `delivered` (5) is final and outranks them. Twilio notes that a multi-part message can report a
 *   failure for one part and later success (https://github.com/opengovsg/postmangovsg/pull/1150), and a
 *   carrier's delivery receipt is the stronger evidence: a late `delivered` wins, and nothing leaves
 *   `delivered`.
 * - `received` is inbound, never an outbound transition (null).
 */
export const STATUS_RANK = {
  unknown: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  undelivered: 4,
  failed: 4,
  delivered: 5,
  received: null,
} as const satisfies Record<MessageStatus, number | null>;

/** What a callback does to a stored status. */
export type StatusTransition =
  /** Moves the message forward: apply it. */
  | 'advance'
  /** Same status again (a duplicate, or another part of a multi-part message). */
  | 'same'
  /** Out of order: the message is already further along. */
  | 'stale'
  /** Not an outbound delivery status (`unknown`, `received`), or the stored record is inbound. */
  | 'ignore';

/**
 * Decides whether a callback's status applies to the stored one. Pure.
 *
 * @example
 * applyStatusTransition('sent', 'delivered'); // 'advance'
 * applyStatusTransition('delivered', 'sent'); // 'stale'
 * applyStatusTransition('undelivered', 'delivered'); // 'advance'
 * applyStatusTransition('unknown', 'failed'); // 'advance'
 */
export function applyStatusTransition(current: MessageStatus, incoming: MessageStatus): StatusTransition {
  const from = STATUS_RANK[current] ?? null;
  const to = incoming === 'unknown' ? null : (STATUS_RANK[incoming] ?? null);
  if (from === null || to === null) return 'ignore';
  if (current === incoming) return 'same';
  return to > from ? 'advance' : 'stale';
}
