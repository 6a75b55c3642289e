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
  readonly cost: string | null;
  readonly currency: string | null;
  readonly segments: number;
  readonly encoding: SmsEncoding;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** ISO 8601 timestamps. */
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly deliveredAt: string | null;
}
