import type { SmsProvider } from '../providers/provider';
import type { MessageRecord } from '../store/message-record';
import { callProviderPatiently } from './call-provider-patiently';
import { chooseCandidate, type Candidate } from './choose-candidate';
import type { ReconcileContext } from './reconcile-context';
import type { ReadReconcileOptions } from './reconcile-options';
import { settleFromProvider, settleNotSent } from './settle-reconciled-record';

/** What reconciling one record did. */
export type RecordReconciliation =
  | { readonly kind: 'settled'; readonly status: MessageRecord['status'] }
  | { readonly kind: 'not-sent'; readonly resent: boolean }
  | { readonly kind: 'unchanged' | 'still-unknown' | 'ambiguous' | 'unsupported' };

/** Clock skew allowed between us and the provider when searching a creation window. */
const SKEW_MS = 60_000;

/**
 * Reconciles one record (docs/reconciliation.md#how-a-record-is-settled):
 *
 * - with a provider id: fetch it and apply the provider's status forward-only (a missed `delivered`);
 * - without one (an unknown outcome, or a write-ahead record of a crashed sender): search every provider
 *   that may hold it; one match settles it as sent with its provider id; several are ambiguous; none,
 *   once every searched provider's listing delay has passed, proves it was never sent (then resent once
 *   with `resendNotSent`). A provider without the capability leaves the record as it is (`unsupported`).
 */
export async function reconcileRecord(context: ReconcileContext, record: MessageRecord, options: ReadReconcileOptions): Promise<RecordReconciliation> {
  const call = <Result>(run: () => Promise<Result>) => callProviderPatiently(run, { maxWaits: options.maxRateLimitWaits, signal: options.signal });
  const signalOption = options.signal === undefined ? {} : { signal: options.signal };

  if (record.providerMessageId !== null && record.provider !== null) {
    const provider = context.providers.find((candidate) => candidate.id === record.provider);
    const fetchMessage = provider?.fetchMessage?.bind(provider);
    if (fetchMessage === undefined) return { kind: 'unsupported' };
    const found = await call(() => fetchMessage({ providerMessageId: record.providerMessageId as string }, signalOption));
    if (found === undefined) return { kind: 'still-unknown' };
    const settled = await settleFromProvider(context, record, record.provider, found);
    return settled === undefined ? { kind: 'unchanged' } : { kind: 'settled', status: settled.status };
  }

  // The provider that may hold it: the one the unknown outcome names, else any configured one.
  const possible = record.provider === null ? context.providers : context.providers.filter((provider) => provider.id === record.provider);
  const searchable = possible.filter((provider): provider is SmsProvider & Required<Pick<SmsProvider, 'findMessages'>> => typeof provider.findMessages === 'function');
  if (searchable.length === 0) return { kind: 'unsupported' };
  const createdAt = Date.parse(record.createdAt);
  const query = {
    to: record.to,
    ...(record.from === null ? {} : { from: record.from }),
    createdAfter: new Date(createdAt - SKEW_MS),
    createdBefore: new Date(createdAt + options.windowMs + SKEW_MS),
    body: record.body,
    limit: 20,
  };
  const candidates: Candidate[] = [];
  for (const provider of searchable) {
    const found = await call(() => provider.findMessages(query, signalOption));
    for (const listed of found) {
      // A provider message another record already names is that record's, not a candidate for this one.
      const owner = await context.store.findByProviderMessageId(provider.id, listed.providerMessageId);
      if (owner !== undefined && owner.id !== record.id) continue;
      // A listing without bodies (Telnyx detail records): fetch the message for its body when the provider can.
      const fetchMessage = provider.fetchMessage?.bind(provider);
      const fetched = listed.body === null && fetchMessage !== undefined ? await call(() => fetchMessage({ providerMessageId: listed.providerMessageId }, signalOption)) : undefined;
      candidates.push({ provider: provider.id, message: fetched === undefined ? listed : { ...listed, body: fetched.body, status: fetched.status } });
    }
  }
  const choice = chooseCandidate(record, candidates);
  if (choice.kind === 'ambiguous') return { kind: 'ambiguous' };
  if (choice.kind === 'one') {
    const settled = await settleFromProvider(context, record, choice.candidate.provider, choice.candidate.message);
    return settled === undefined ? { kind: 'unchanged' } : { kind: 'settled', status: settled.status };
  }
  // Not found: proof needs every provider that may hold it to list, each past its listing delay.
  const now = context.clock.now();
  const proven =
    searchable.length === possible.length &&
    searchable.every((provider) => provider.capabilities?.listingDelayMs !== undefined && now - createdAt >= (provider.capabilities.listingDelayMs as number) + options.windowMs);
  if (!proven) return { kind: 'still-unknown' };
  if (!(await settleNotSent(context, record, { resend: options.resendNotSent }))) return { kind: 'still-unknown' };
  if (!options.resendNotSent) return { kind: 'not-sent', resent: false };
  await context.resend({
    to: record.to,
    ...(record.from === null ? {} : { from: record.from }),
    body: record.body,
    ...(record.mediaUrls.length === 0 ? {} : { mediaUrls: [...record.mediaUrls] }),
    ...(record.tenantId === null ? {} : { tenantId: record.tenantId }),
    ...(record.idempotencyKey === null ? {} : { idempotencyKey: record.idempotencyKey }),
    metadata: record.metadata as Record<string, string | number | boolean | null>,
  });
  return { kind: 'not-sent', resent: true };
}
