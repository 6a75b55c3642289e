import type { OptOutAction } from '../messages/opt-out-action';
import { ANY_SENDER, type OptOutStore } from './opt-out-store';

export interface OptOutReply {
  readonly action: OptOutAction;
  /** Our number the reply was sent to (inbound `To`). */
  readonly sender: string;
  /** The replying recipient (inbound `From`). */
  readonly recipient: string;
  /** The keyword or the provider's opt-out type, e.g. `STOP`. */
  readonly keyword: string | null;
  readonly provider: string;
  readonly now: number;
}

/**
 * Applies a keyword reply to the store. An opt-out records the pair; an opt-in (START, UNSTOP, YES)
 * removes the pair and the recipient's `ANY_SENDER` record: that record is only ever the conservative
 * guess made when a provider refused a send without a known sender, and the recipient's latest word is
 * consent. HELP changes nothing.
 *
 * @example
 * await applyOptOutReply(optOuts, { action: 'opt-out', sender: '+14155550100', recipient: '+14155552671', keyword: 'STOP', provider: 'twilio', now: Date.now() });
 */
export async function applyOptOutReply(store: OptOutStore, reply: OptOutReply): Promise<void> {
  if (reply.action === 'opt-out') {
    await store.add({
      sender: reply.sender,
      recipient: reply.recipient,
      source: 'keyword',
      detail: reply.keyword,
      provider: reply.provider,
      createdAt: new Date(reply.now).toISOString(),
    });
  } else if (reply.action === 'opt-in') {
    await store.remove({ sender: reply.sender, recipient: reply.recipient });
    await store.remove({ sender: ANY_SENDER, recipient: reply.recipient });
  }
}
