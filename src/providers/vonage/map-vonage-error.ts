import type { SmsError } from '../../errors/sms-error';
import { classifyHttpStatus, resolveClassification } from '../kit/classify-http-status';
import { createProviderError } from '../kit/create-provider-error';
import { VONAGE_ERROR_TABLE } from './vonage-error-table';

export { VONAGE_ERROR_TABLE } from './vonage-error-table';

/** An RFC 7807 problem as Vonage sends it: `{ type, title, detail, instance }` (https://developer.vonage.com/en/api-errors). */
export interface VonageProblem {
  type?: string;
  /** Human text on a send error (`"Invalid sender"`); the numeric code on a status webhook (`1000` or `"1000"`). */
  title?: string | number;
  detail?: string;
  instance?: string;
}

/** What is known about a Vonage error: an API error body, or the `error` of a status webhook. */
export interface VonageErrorDetails {
  /** HTTP status of the response; absent for webhook errors. */
  httpStatus?: number;
  /** The parsed body or webhook `error` object. */
  body?: unknown;
  /** Parsed `Retry-After`, attached when the error is retryable. */
  retryAfterMs?: number;
}

/**
 * Maps a Vonage error to an `SmsError` through {@link VONAGE_ERROR_TABLE}. The code is a numeric
 * `title` (status webhooks), else the fragment of `type` (`…/messages-olympus#1120` → `1120`,
 * `…/api-errors#low-balance` → `low-balance`). A 5xx is always outcome unknown; a 429 is always a rate
 * limit, whatever code it carries (Vonage's own example of a 429 carries `#1010`, a "missing params" code elsewhere,
 * https://github.com/Vonage/vonage-java-sdk `MessagesClientTest`). The vendor text is shown, masked,
 * only when the code is not recognised. Pure: no I/O.
 *
 * @example
 * mapVonageError({ httpStatus: 422, body: { type: 'https://developer.nexmo.com/api-errors/messages-olympus#1120', title: 'Invalid sender' } }).reason; // 'SENDER_REJECTED'
 * mapVonageError({ body: { type: 'https://developer.nexmo.com/api-errors/messages-olympus#1240', title: '1240' } }).reason; // 'OPTED_OUT'
 */
export function mapVonageError(details: VonageErrorDetails): SmsError {
  const problem = readProblem(details.body);
  const providerCode = problem === undefined ? undefined : readVonageErrorCode(problem);
  const tableRow = providerCode !== undefined && Object.hasOwn(VONAGE_ERROR_TABLE, providerCode) ? VONAGE_ERROR_TABLE[providerCode] : undefined;
  const classification =
    details.httpStatus === 429 && tableRow?.code !== 'RATE_LIMITED' ? classifyHttpStatus(429) : resolveClassification({ httpStatus: details.httpStatus, row: tableRow });
  const vendorParts = [problem?.title, problem?.detail].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return createProviderError({
    provider: 'vonage',
    displayName: 'Vonage',
    classification,
    providerCode,
    httpStatus: details.httpStatus,
    retryAfterMs: details.retryAfterMs,
    vendorMessage: vendorParts.length === 0 ? undefined : vendorParts.join(': ').slice(0, 300),
    recognised: tableRow !== undefined,
  });
}

/**
 * The code of a Vonage problem: a numeric `title` (status webhooks: `"title": 1000`), else the
 * `#fragment` of `type` (send errors: `…/messages-olympus#1120`, `…/api-errors#unauthorized`);
 * undefined when neither looks like a code.
 *
 * @example
 * readVonageErrorCode({ type: 'https://developer.vonage.com/api-errors#unauthorized', title: 'Invalid credentials supplied' }); // 'unauthorized'
 */
export function readVonageErrorCode(problem: VonageProblem): string | undefined {
  const title = typeof problem.title === 'number' ? String(problem.title) : typeof problem.title === 'string' ? problem.title.trim() : undefined;
  if (title !== undefined && /^\d{3,5}$/.test(title)) return title;
  const fragment = typeof problem.type === 'string' ? problem.type.split('#')[1] : undefined;
  return fragment !== undefined && /^[A-Za-z0-9-]{1,40}$/.test(fragment) ? fragment.toLowerCase() : undefined;
}

/** The problem object; status webhooks have been seen nesting it once more (`error: { error: {…} }`). */
function readProblem(body: unknown): VonageProblem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as VonageProblem & { error?: unknown };
  if (record.type === undefined && record.title === undefined && typeof record.error === 'object' && record.error !== null) return readProblem(record.error);
  return record;
}
