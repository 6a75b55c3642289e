import { WriteOrderedMap } from '../collections/write-ordered-map';
import { ValidationError } from '../errors/validation-error';
import type { ConversationPage, ConversationQuery, MessageListQuery, MessagePage } from './conversation';
import { listConversationsOf, listMessagesOf } from './list-records';
import type { MessageRecord } from './message-record';
import type { MessageStore, MessageUpdate } from './message-store';
import type { UnsettledQuery } from './unsettled-query';

export interface InMemoryMessageStoreOptions {
  /** Most records kept; the oldest-written are evicted first. Default 10 000. */
  maxMessages?: number;
}

class InMemoryMessageStore implements MessageStore {
  private readonly records = new WriteOrderedMap<string, MessageRecord>();
  private readonly byProviderMessageId = new Map<string, string>();
  readonly maxMessages: number;

  constructor(options: InMemoryMessageStoreOptions = {}) {
    const maxMessages = options.maxMessages ?? 10_000;
    if (!Number.isSafeInteger(maxMessages) || maxMessages < 1) {
      throw new ValidationError({
        field: 'options.maxMessages',
        reason: 'INVALID_OPTION',
        problem: `${String(maxMessages)} is not a positive whole number.`,
        fix: 'pass a whole number of 1 or more, e.g. 10000.',
      });
    }
    this.maxMessages = maxMessages;
  }

  /** Number of records held. */
  get size(): number {
    return this.records.size;
  }

  async save(record: MessageRecord): Promise<void> {
    this.write(record);
  }

  /** Atomic because nothing awaits between the read and the write. */
  async update(id: string, change: (current: MessageRecord) => MessageRecord | undefined): Promise<MessageUpdate | undefined> {
    const current = this.records.get(id);
    if (current === undefined) return undefined;
    const next = change(current);
    if (next === undefined) return { record: current, changed: false };
    if (next.id !== id) {
      throw new ValidationError({ field: 'update', reason: 'INVALID_UPDATE', problem: 'returned a record with another id.', fix: 'keep the id; save() writes a different record.' });
    }
    this.write(next);
    return { record: next, changed: true };
  }

  private write(record: MessageRecord): void {
    const previous = this.records.get(record.id);
    if (previous !== undefined) this.unindex(previous);
    this.records.set(record.id, record);
    if (record.provider !== null && record.providerMessageId !== null) {
      this.byProviderMessageId.set(providerKey(record.provider, record.providerMessageId), record.id);
    }
    while (this.records.size > this.maxMessages) {
      const [, oldest] = this.records.oldest() as readonly [string, MessageRecord];
      this.records.delete(oldest.id);
      this.unindex(oldest);
    }
  }

  async get(id: string): Promise<MessageRecord | undefined> {
    return this.records.get(id);
  }

  async findByProviderMessageId(provider: string, providerMessageId: string): Promise<MessageRecord | undefined> {
    const id = this.byProviderMessageId.get(providerKey(provider, providerMessageId));
    return id === undefined ? undefined : this.records.get(id);
  }

  /** Groups the held records on each call: linear in the records held (at most `maxMessages`). */
  async listConversations(query: ConversationQuery): Promise<ConversationPage> {
    return listConversationsOf(this.records.values(), query);
  }

  async listMessages(query: MessageListQuery): Promise<MessagePage> {
    return listMessagesOf(this.records.values(), query);
  }

  /** A scan of the held records (at most `maxMessages`). */
  async findUnsettled(query: UnsettledQuery): Promise<readonly MessageRecord[]> {
    const found: MessageRecord[] = [];
    for (const record of this.records.values()) {
      if (record.direction === 'outbound' && query.statuses.includes(record.status) && record.statusChangedAt < query.changedBefore) found.push(record);
    }
    return found.sort((left, right) => (left.statusChangedAt < right.statusChangedAt ? -1 : left.statusChangedAt > right.statusChangedAt ? 1 : 0)).slice(0, query.limit);
  }

  private unindex(record: MessageRecord): void {
    if (record.provider === null || record.providerMessageId === null) return;
    const key = providerKey(record.provider, record.providerMessageId);
    if (this.byProviderMessageId.get(key) === record.id) this.byProviderMessageId.delete(key);
  }
}

function providerKey(provider: string, providerMessageId: string): string {
  return `${provider}\u0000${providerMessageId}`;
}

export type { InMemoryMessageStore };

/**
 * The embedded message store. Bounded, so a long-running process never grows without limit: past
 * `maxMessages` the least recently written record is evicted (a re-save makes a record the newest), in
 * constant time however large the store (`WriteOrderedMap`).
 *
 * @example
 * const store = createInMemoryMessageStore({ maxMessages: 1000 });
 * const sms = new SMSService({ providers: [provider], store });
 */
export function createInMemoryMessageStore(options: InMemoryMessageStoreOptions = {}): InMemoryMessageStore {
  return new InMemoryMessageStore(options);
}
