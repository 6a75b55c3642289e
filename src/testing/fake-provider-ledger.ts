import type { MessageStatus } from '../messages/message-status';
import type { ProviderMessage, ProviderMessageQuery, ProviderSendRequest } from '../providers/provider';

/** What a fake provider holds on its side: every message that reached it, as `fetchMessage` and `findMessages` report it. */
export interface FakeProviderLedger {
  readonly messages: readonly ProviderMessage[];
  /** Records a message that reached the provider (accepted, or accepted and then the answer was lost). */
  record(request: ProviderSendRequest, providerMessageId: string, status: MessageStatus, createdAt: string): void;
  fetch(providerMessageId: string): ProviderMessage | undefined;
  find(query: ProviderMessageQuery): ProviderMessage[];
  /** Moves a message on, as the carrier would (`delivered`), without any callback: a lost webhook. */
  setStatus(providerMessageId: string, status: MessageStatus): void;
  clear(): void;
}

/**
 * The provider side of a fake provider, for reconciliation tests: messages by provider id, found by
 * recipient, sender and creation window as a real listing API would (newest first, at most `limit`).
 *
 * @example
 * const ledger = createFakeProviderLedger();
 * ledger.record(request, 'fake-1', 'queued', new Date().toISOString());
 * ledger.fetch('fake-1')?.status; // 'queued'
 */
export function createFakeProviderLedger(): FakeProviderLedger {
  const byId = new Map<string, ProviderMessage>();
  return {
    get messages() {
      return [...byId.values()];
    },
    record(request, providerMessageId, status, createdAt) {
      byId.set(providerMessageId, { providerMessageId, status, to: request.to, from: request.from ?? null, body: request.body, createdAt, providerCode: null });
    },
    fetch(providerMessageId) {
      const found = byId.get(providerMessageId);
      return found === undefined ? undefined : { ...found };
    },
    find(query) {
      const after = query.createdAfter.getTime();
      const before = query.createdBefore.getTime();
      return [...byId.values()]
        .filter((message) => message.to === query.to && (query.from === undefined || message.from === query.from))
        .filter((message) => message.createdAt !== null && Date.parse(message.createdAt) >= after && Date.parse(message.createdAt) <= before)
        .reverse()
        .slice(0, query.limit)
        .map((message) => ({ ...message }));
    },
    setStatus(providerMessageId, status) {
      const found = byId.get(providerMessageId);
      if (found === undefined) throw new Error(`The fake provider holds no message ${providerMessageId}.`);
      byId.set(providerMessageId, { ...found, status });
    },
    clear() {
      byId.clear();
    },
  };
}
