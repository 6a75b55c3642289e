import type { TelnyxClientLike } from './telnyx-client-like';

/** What a read needs from the provider: its ready client, whether it is observed, its deadline. */
export interface TelnyxReadContext {
  readonly client: TelnyxClientLike;
  /** Whether the adapter's fetch wrapper sees this client's requests (see `observeTelnyxFetch`). */
  readonly observable: boolean;
  readonly timeoutMs: number;
}

/** Telnyx message ids are UUIDs (`format: uuid`, https://developers.telnyx.com/api-reference/messages/retrieve-a-message). */
export const TELNYX_MESSAGE_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
