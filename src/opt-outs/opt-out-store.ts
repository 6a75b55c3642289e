/** The sender value of an opt-out that blocks every sender of the recipient. */
export const ANY_SENDER = '*';

/** A sender and the recipient who opted out of it. */
export interface OptOutPair {
  /** Our number the recipient opted out of (inbound `To`), or `ANY_SENDER`. */
  readonly sender: string;
  /** The recipient's number (inbound `From`), E.164. */
  readonly recipient: string;
}

/** One recorded opt-out. */
export interface OptOutEntry extends OptOutPair {
  /**
   * How it was learnt: the recipient's keyword reply, a provider refusing a send because of one
   * (Twilio 21610, Telnyx 40300), or the host itself.
   */
  readonly source: 'keyword' | 'provider' | 'manual';
  /** The keyword (`STOP`) or the provider's error code (`21610`), when known. */
  readonly detail: string | null;
  /** Id of the provider it came through, when it came through one. */
  readonly provider: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** Which opt-out blocks a send from `sender` to `recipient`. */
export interface OptOutQuery {
  /** The sender of the send; undefined when the request has none (the provider's default is used). */
  readonly sender?: string | undefined;
  readonly recipient: string;
}

/**
 * Where opt-outs are kept, per sender-recipient pair. `InMemoryOptOutStore` is the default; the Redis
 * store (`@ocelot-platform/tools-core/redis`) shares them between processes. Every implementation must
 * pass `runOptOutStoreContract` from `./testing`.
 */
export interface OptOutStore {
  /** Records the opt-out, replacing the pair's previous record. */
  add(entry: OptOutEntry): Promise<void>;
  /** Removes exactly this pair's record; resolves true when there was one. */
  remove(pair: OptOutPair): Promise<boolean>;
  /**
   * The record that blocks a send: with a `sender`, that pair's record, else the recipient's
   * `ANY_SENDER` record; without a `sender` (the provider's default sender is not known here), any
   * record of the recipient, so an unknown sender is treated as possibly the opted-out one.
   */
  find(query: OptOutQuery): Promise<OptOutEntry | undefined>;
}
