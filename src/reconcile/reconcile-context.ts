import type { Clock } from '../clock';
import type { EventPublisher } from '../events/event-publisher';
import type { IdempotencyStore } from '../idempotency/idempotency-store';
import type { SendRequest } from '../messages/send-request';
import type { SendResult } from '../messages/send-result';
import type { SmsProvider } from '../providers/provider';
import type { Money } from '../segments/money';
import type { MessageStore } from '../store/message-store';

/** What reconciliation works with: the service's own stores, providers and events (`SMSService.reconcile`). */
export interface ReconcileContext {
  readonly store: MessageStore;
  /** The service's idempotency store: replays are settled in it, and it holds the reconciliation lock. */
  readonly idempotency: IdempotencyStore;
  /** How long a settled replay is kept (the service's `idempotency.retentionMs`). */
  readonly retentionMs: number;
  /** The configured providers, unwrapped: those with `fetchMessage` / `findMessages` are asked. */
  readonly providers: readonly SmsProvider[];
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly generateId: () => string;
  /** The price of `segments` at `provider`, as the service prices a send. */
  readonly price: (provider: string, segments: number, to: string) => Money | null;
  /** A send through the normal pipeline (`resendNotSent`). */
  readonly resend: (request: SendRequest) => Promise<SendResult>;
  /** Where a failed publish goes (the service's `onBackgroundError`). */
  readonly onPublishError: (error: unknown, messageId: string) => void;
}
