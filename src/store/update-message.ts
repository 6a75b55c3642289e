import type { MessageRecord } from './message-record';
import type { MessageStore, MessageUpdate } from './message-store';

/**
 * `store.update` when the store has it (atomic, across processes); otherwise get-then-save serialised
 * per message id within this process, through `locks`.
 */
export async function updateMessage(
  store: MessageStore,
  id: string,
  change: (current: MessageRecord) => MessageRecord | undefined,
  locks: Map<string, Promise<unknown>>,
): Promise<MessageUpdate | undefined> {
  if (typeof store.update === 'function') return store.update(id, change);
  const previous = locks.get(id) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async (): Promise<MessageUpdate | undefined> => {
      const current = await store.get(id);
      if (current === undefined) return undefined;
      const next = change(current);
      if (next === undefined) return { record: current, changed: false };
      await store.save(next);
      return { record: next, changed: true };
    });
  locks.set(id, run);
  try {
    return await run;
  } finally {
    if (locks.get(id) === run) locks.delete(id);
  }
}
