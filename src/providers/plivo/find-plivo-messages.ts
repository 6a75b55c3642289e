import { ValidationError } from '../../errors/validation-error';
import { runHttpAttempt } from '../kit/run-http-attempt';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import type { ProviderCallOptions, ProviderMessage, ProviderMessageQuery } from '../provider';
import { asReadError, classifyPlivoReadFailure } from './classify-plivo-read-failure';
import type { PlivoReadContext } from './fetch-plivo-message';
import type { PlivoMessageListParams, PlivoMessageRecordLike } from './plivo-client-like';
import { plivoAddress } from './read-plivo-form';
import { toPlivoProviderMessage } from './to-plivo-provider-message';

/** "The maximum number of results that can be fetched is 20" per page (https://www.plivo.com/docs/messaging/api/message/list-all-messages). */
export const PLIVO_LIST_PAGE_SIZE = 20;
/** Pages read at most per search: the listing is rate limited to 20 requests per minute (same page). */
export const PLIVO_LIST_MAX_PAGES = 5;

/**
 * The outbound messages Plivo accepted to `query.to` inside the window, through plivo-node's
 * `messages.list` (`GET /v1/Account/{auth_id}/Message/`, https://www.plivo.com/docs/messaging/api/message/list-all-messages).
 * On the wire: `message_direction=outbound`, `message_time__gte`/`message_time__lte` (UTC,
 * `YYYY-MM-DD HH:MM:SS.uuuuuu`), `to_number` and, when given, `from_number` (E.164, as that page
 * documents), `limit` (at most 20) and `offset`. The same conditions are checked again on every record
 * (direction, recipient, sender, time when readable), so a filter the API ignored cannot bring in
 * another message. Pages are read until `query.limit` candidates, the last page (`meta.next` null) or
 * {@link PLIVO_LIST_MAX_PAGES}. Bodies are null: Plivo's records carry no text. Each page is one
 * request under the adapter's deadline and `options.signal`; failures reject as `classifyPlivoReadFailure`.
 *
 * @example
 * await findPlivoMessages(context, { to: '+14155552671', createdAfter, createdBefore, body: 'Your code is 482913', limit: 5 });
 */
export async function findPlivoMessages(context: PlivoReadContext, query: ProviderMessageQuery, options: ProviderCallOptions = {}): Promise<readonly ProviderMessage[]> {
  checkQuery(query);
  const found: ProviderMessage[] = [];
  const pageSize = Math.min(PLIVO_LIST_PAGE_SIZE, query.limit);
  for (let page = 0; page < PLIVO_LIST_MAX_PAGES && found.length < query.limit; page += 1) {
    if (options.signal?.aborted === true) {
      throw asReadError(createTransportError({ provider: 'plivo', displayName: 'Plivo', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest }));
    }
    const params = listParams(query, pageSize, page * pageSize);
    const outcome = await runHttpAttempt({ timeoutMs: context.timeoutMs, signal: options.signal, request: () => context.client.messages.list(params) });
    if (outcome.status === 'rejected') throw classifyPlivoReadFailure(outcome, { observable: context.observable });
    const records: readonly PlivoMessageRecordLike[] = Array.isArray(outcome.value) ? outcome.value : [];
    for (const record of records) {
      const message = matching(record, query);
      if (message !== undefined && found.length < query.limit) found.push(message);
    }
    const next = outcome.value?.meta?.next;
    if (records.length < pageSize || next === null || next === undefined || next === '') break;
  }
  return found;
}

function listParams(query: ProviderMessageQuery, limit: number, offset: number): PlivoMessageListParams {
  const params: PlivoMessageListParams = {
    message_direction: 'outbound',
    message_time__gte: plivoFilterTime(query.createdAfter),
    message_time__lte: plivoFilterTime(query.createdBefore),
    to_number: query.to,
    limit,
    offset,
  };
  if (query.from !== undefined) params.from_number = query.from;
  return params;
}

/** `2026-05-08T12:00:00.123Z` → `2026-05-08 12:00:00.123000`: the list filters' UTC format. */
export function plivoFilterTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

function matching(record: PlivoMessageRecordLike, query: ProviderMessageQuery): ProviderMessage | undefined {
  if (record.messageDirection !== 'outbound') return undefined;
  const message = toPlivoProviderMessage(record);
  if (message === undefined || message.to !== query.to) return undefined;
  if (query.from !== undefined && message.from !== (plivoAddress(query.from.replace(/^\+/, '')) ?? query.from)) return undefined;
  if (message.createdAt !== null) {
    const created = Date.parse(message.createdAt);
    if (created < query.createdAfter.getTime() || created > query.createdBefore.getTime()) return undefined;
  }
  return message;
}

function checkQuery(query: ProviderMessageQuery): void {
  const problem = (field: string, text: string, fix: string): ValidationError => new ValidationError({ field, reason: 'INVALID_FIELD', problem: text, fix });
  if (!Number.isInteger(query.limit) || query.limit < 1) throw problem('limit', 'is not a positive integer.', 'ask for at least one candidate.');
  if (!(query.createdAfter instanceof Date) || Number.isNaN(query.createdAfter.getTime())) throw problem('createdAfter', 'is not a valid Date.', 'pass the start of the window.');
  if (!(query.createdBefore instanceof Date) || Number.isNaN(query.createdBefore.getTime())) throw problem('createdBefore', 'is not a valid Date.', 'pass the end of the window.');
  if (query.createdAfter.getTime() > query.createdBefore.getTime()) throw problem('createdBefore', 'is before createdAfter.', 'pass a window that ends after it starts.');
  if (typeof query.to !== 'string' || query.to.length === 0) throw problem('to', 'is empty.', 'pass the E.164 number the message was sent to.');
}
