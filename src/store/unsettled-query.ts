import type { MessageStatus } from '../messages/message-status';

/** Which records reconciliation looks at (`MessageStore.findUnsettled`). */
export interface UnsettledQuery {
  /** The statuses to look for, e.g. `unknown`, `queued`, `sending`, `sent`. */
  readonly statuses: readonly MessageStatus[];
  /** ISO 8601: only records whose status last changed before this. */
  readonly changedBefore: string;
  /** Most records returned. */
  readonly limit: number;
}
