import { ANY_SENDER, type OptOutEntry, type OptOutPair, type OptOutQuery, type OptOutStore } from './opt-out-store';

class InMemoryOptOutStore implements OptOutStore {
  private readonly byRecipient = new Map<string, Map<string, OptOutEntry>>();

  /** Number of recorded opt-outs. */
  get size(): number {
    let size = 0;
    for (const senders of this.byRecipient.values()) size += senders.size;
    return size;
  }

  async add(entry: OptOutEntry): Promise<void> {
    let senders = this.byRecipient.get(entry.recipient);
    if (senders === undefined) {
      senders = new Map();
      this.byRecipient.set(entry.recipient, senders);
    }
    senders.set(entry.sender, { ...entry });
  }

  async remove(pair: OptOutPair): Promise<boolean> {
    const senders = this.byRecipient.get(pair.recipient);
    const removed = senders?.delete(pair.sender) ?? false;
    if (senders?.size === 0) this.byRecipient.delete(pair.recipient);
    return removed;
  }

  async find(query: OptOutQuery): Promise<OptOutEntry | undefined> {
    const senders = this.byRecipient.get(query.recipient);
    if (senders === undefined) return undefined;
    const found = query.sender === undefined ? (senders.get(ANY_SENDER) ?? senders.values().next().value) : (senders.get(query.sender) ?? senders.get(ANY_SENDER));
    return found === undefined ? undefined : { ...found };
  }
}

export type { InMemoryOptOutStore };

/**
 * The embedded opt-out store, for one process (tests, development, single-instance hosts). It is not
 * bounded: evicting an opt-out would message someone who said STOP, so a host with many recipients or
 * several processes uses the Redis store instead (one entry is a few hundred bytes).
 *
 * @example
 * const optOuts = createInMemoryOptOutStore();
 * const sms = new SMSService({ providers: [provider], optOuts });
 * const handler = createWebhookHandler({ service: sms, providers: { twilio: { authToken } } });
 */
export function createInMemoryOptOutStore(): InMemoryOptOutStore {
  return new InMemoryOptOutStore();
}
