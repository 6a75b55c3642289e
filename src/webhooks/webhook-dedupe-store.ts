/**
 * Remembers which webhooks were handled, so a duplicate delivery publishes nothing (docs/webhooks.md#duplicates).
 * `InMemoryWebhookDedupeStore` is the default. Several processes share one
 * with Redis `SET key 1 NX PX ttl` (docs/webhooks.md shows the four lines); even without it, statuses
 * stay correct because the message store applies them atomically and forward-only.
 */
export interface WebhookDedupeStore {
  /** Claims `key` for `ttlMs`; resolves true for the first claim, false while an earlier one holds it. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Forgets `key`, so a provider's retry of a webhook whose handling failed is handled again. */
  release(key: string): Promise<void>;
}
