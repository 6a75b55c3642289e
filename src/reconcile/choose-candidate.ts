import type { ProviderMessage } from '../providers/provider';
import type { MessageRecord } from '../store/message-record';

export interface Candidate {
  readonly provider: string;
  readonly message: ProviderMessage;
}

export type CandidateChoice =
  | { readonly kind: 'one'; readonly candidate: Candidate }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly count: number };

/**
 * Which provider message a record whose provider id was never learnt is: the candidates to its recipient
 * whose body (when the provider returns one) and sender (when both are known) match. Exactly one settles
 * it; two or more are ambiguous (two identical texts in the window) and settle nothing. Pure.
 *
 * @example
 * chooseCandidate(record, [{ provider: 'twilio', message }]).kind; // 'one'
 */
export function chooseCandidate(record: MessageRecord, candidates: readonly Candidate[]): CandidateChoice {
  const matching = candidates.filter(
    ({ message }) => message.to === record.to && (message.body === null || message.body === record.body) && (record.from === null || message.from === null || message.from === record.from),
  );
  const distinct = [...new Map(matching.map((candidate) => [`${candidate.provider}\u0000${candidate.message.providerMessageId}`, candidate])).values()];
  if (distinct.length === 0) return { kind: 'none' };
  if (distinct.length > 1) return { kind: 'ambiguous', count: distinct.length };
  return { kind: 'one', candidate: distinct[0] as Candidate };
}
