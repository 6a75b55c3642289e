import { SmsError } from '../../errors/sms-error';
import { runHttpAttempt } from '../kit/run-http-attempt';
import { TRANSPORT_OUTCOMES, createTransportError } from '../kit/transport-outcomes';
import { toReadError } from '../kit/to-read-error';
import type { ProviderCallOptions, ProviderMessage, ProviderMessageQuery } from '../provider';
import { classifyTelnyxFailure } from './classify-telnyx-failure';
import type { TelnyxDetailRecordQuery } from './telnyx-client-like';
import type { TelnyxReadContext } from './telnyx-read-context';
import { toTelnyxRecordMessage } from './to-telnyx-record-message';

/** `page[size]`: "[ 1 .. 50 ]" (https://developers.telnyx.com/api-reference/detail-records/search-detail-records). */
export const TELNYX_MAX_RECORD_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

/**
 * `findMessages` of the Telnyx provider, on the Detail Record Search API: the Messaging API itself has
 * no list endpoint, only `GET /v2/messages/{id}` (https://developers.telnyx.com/api-reference/messages/retrieve-a-message).
 * Exactly one `GET https://api.telnyx.com/v2/detail_records` through telnyx-node (`client.detailRecords.list()`,
 * first page only, `maxRetries: 0`) with `filter[record_type]=messaging`, `filter[direction]=outbound`,
 * `filter[cld]` (recipient), `filter[cli]` (sender, when given), `filter[created_at][gte|lt]`,
 * `sort=-created_at` and `page[size]` = `limit` (at most 50); the documented filters of
 * https://developers.telnyx.com/api-reference/detail-records/search-detail-records and
 * https://developers.telnyx.com/docs/debugging/detail-record-search. `created_at` is documented with
 * dates only (`2021-06-22`), so the request covers whole days and the exact window is applied here.
 *
 * Records have no body (`body: null`) and a final-status field of their own (`toTelnyxRecordMessage`);
 * `fetchMessage` on a candidate's id gives its text and exact status. Telnyx documents no delay for
 * records to appear in the search, so a message not found stays unknown (docs/telnyx.md#reconciliation).
 *
 * @example
 * await findTelnyxMessages(context, { to: '+14155552671', createdAfter, createdBefore, body: 'Hi', limit: 20 });
 */
export async function findTelnyxMessages(context: TelnyxReadContext, query: ProviderMessageQuery, options: ProviderCallOptions = {}): Promise<readonly ProviderMessage[]> {
  if (options.signal?.aborted === true) {
    throw toReadError(createTransportError({ provider: 'telnyx', displayName: 'Telnyx', classification: TRANSPORT_OUTCOMES.abortedBeforeRequest }), 'Telnyx');
  }
  const pageSize = Math.min(Math.floor(query.limit), TELNYX_MAX_RECORD_PAGE_SIZE);
  if (!(pageSize >= 1)) return [];
  const records = context.client.detailRecords;
  if (typeof records?.list !== 'function') throw unsupportedClient();
  const params: TelnyxDetailRecordQuery = {
    filter: {
      record_type: 'messaging',
      direction: 'outbound',
      cld: query.to,
      ...(query.from === undefined ? {} : { cli: query.from }),
      created_at: { gte: gmtDate(query.createdAfter.getTime()), lt: gmtDate(query.createdBefore.getTime() + DAY_MS) },
    },
    sort: ['-created_at'],
    'page[size]': pageSize,
  };
  const outcome = await runHttpAttempt({
    timeoutMs: context.timeoutMs,
    signal: options.signal,
    request: async (signal) => records.list(params, { signal, timeout: context.timeoutMs, maxRetries: 0 }),
  });
  if (outcome.status === 'rejected') throw toReadError(classifyTelnyxFailure(outcome, { observable: context.observable }), 'Telnyx');
  const data = outcome.value?.data;
  if (!Array.isArray(data)) {
    throw toReadError(createTransportError({ provider: 'telnyx', displayName: 'Telnyx', classification: TRANSPORT_OUTCOMES.unreadableResponse, httpStatus: outcome.observation.response?.status }), 'Telnyx');
  }
  const after = query.createdAfter.getTime();
  const before = query.createdBefore.getTime();
  const found: ProviderMessage[] = [];
  for (const record of data) {
    if ((record as { direction?: unknown } | null)?.direction === 'inbound') continue;
    const message = toTelnyxRecordMessage(record);
    if (message === undefined) continue;
    const created = message.createdAt === null ? undefined : Date.parse(message.createdAt);
    // A record without a creation time is kept: one candidate too many is compared, one too few hides a send.
    if (created !== undefined && (created < after || created > before)) continue;
    found.push(message);
    if (found.length >= query.limit) break;
  }
  return found;
}

/** `YYYY-MM-DD` of a time, in GMT. */
function gmtDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function unsupportedClient(): SmsError {
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'SDK_ERROR',
    message: "Telnyx: the client cannot search detail records (it needs telnyx-node's client.detailRecords.list); nothing was requested.",
    retryable: false,
    fault: 'provider',
    outcomeUnknown: false,
    provider: 'telnyx',
  });
}
