import type { MessageStatus } from '../messages/message-status';
import type { SmsEncoding } from '../segments/calculate-segments';

/**
 * One message as the store keeps it; the fields follow the host's `sms_messages` table (docs/events-and-store.md#the-message-store).
 * Money is a decimal string.
 */
export interface MessageRecord {
  readonly id: string;
  readonly tenantId: string | null;
  readonly direction: 'outbound' | 'inbound';
  readonly from: string | null;
  readonly to: string;
  readonly body: string;
  readonly mediaUrls: readonly string[];
  readonly provider: string | null;
  readonly providerMessageId: string | null;
  readonly status: MessageStatus;
  readonly errorCode: string | null;
  readonly errorReason: string | null;
  readonly errorMessage: string | null;
  /** The provider's own code of the failure (Twilio `21610`, Telnyx `40300`), or null. */
  readonly providerCode: string | null;
  readonly cost: string | null;
  readonly currency: string | null;
  readonly segments: number;
  readonly encoding: SmsEncoding;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Provider attempts of the send, retries and failover included; 0 for a queued or inbound record. */
  readonly attempts: number;
  /** The request's idempotency key (scoped by `tenantId`), or null; reconciliation resends with it. */
  readonly idempotencyKey: string | null;
  /** ISO 8601 timestamps. */
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly deliveredAt: string | null;
  /** When `status` last changed (reconciliation finds messages stuck in a status by it). */
  readonly statusChangedAt: string;
}
