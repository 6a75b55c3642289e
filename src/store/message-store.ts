import type { ConversationPage, ConversationQuery, MessageListQuery, MessagePage } from './conversation';
import type { MessageRecord } from './message-record';
import type { UnsettledQuery } from './unsettled-query';

/**
 * Where messages are recorded. The in-memory store is the default; a PostgreSQL adapter implements the
 * same port. Every implementation must pass `runMessageStoreContract` from `./testing`.
 */
export interface MessageStore {
  /** Inserts the record, or replaces the one with the same id. */
  save(record: MessageRecord): Promise<void>;
  get(id: string): Promise<MessageRecord | undefined>;
  /** Looks a message up by the provider's id, as delivery-status callbacks carry it. */
  findByProviderMessageId(provider: string, providerMessageId: string): Promise<MessageRecord | undefined>;
  /**
   * Changes one record atomically: `change` receives the stored record and returns its replacement
   * (same id), or undefined to leave it as is. Resolves with the record as stored afterwards and
   * whether it changed, or undefined when no record has that id. `change` must be pure and synchronous:
   * an implementation may call it again when another writer got there first (optimistic concurrency,
   * e.g. `UPDATE … WHERE id = $1 AND status = $2` then retry, or `SELECT … FOR UPDATE`).
   *
   * Delivery-status callbacks arrive concurrently and out of order; this is how the webhook handler
   * applies them without losing one. Optional for compatibility: without it the handler serialises
   * updates per message within its own process only. `runMessageStoreContract` checks it.
   */
  update?(id: string, change: (current: MessageRecord) => MessageRecord | undefined): Promise<MessageUpdate | undefined>;
  /**
   * The host's inbox (docs/persistence.md#conversations): a tenant's conversations (our number and a
   * contact's), the most recent activity first, with the last message and the unread inbound count;
   * keyset-paginated. Optional for custom stores; the in-memory and PostgreSQL stores have it, and
   * `runMessageStoreContract` checks it.
   */
  listConversations?(query: ConversationQuery): Promise<ConversationPage>;
  /** One contact's messages in both directions, newest first; keyset-paginated with `before`. */
  listMessages?(query: MessageListQuery): Promise<MessagePage>;
  /**
   * For reconciliation (docs/reconciliation.md): outbound records in one of `statuses` whose status last
   * changed before `changedBefore`, the longest-waiting first, at most `limit`. Optional for custom stores
   * (`reconcile()` then refuses with a typed error); the in-memory and PostgreSQL stores have it.
   */
  findUnsettled?(query: UnsettledQuery): Promise<readonly MessageRecord[]>;
}

/** What `MessageStore.update` did. */
export interface MessageUpdate {
  /** The record as stored after the update (the unchanged record when `change` returned undefined). */
  readonly record: MessageRecord;
  readonly changed: boolean;
}
