import { ValidationError } from '../errors/validation-error';

/** Every field of `SmsClientRequest`, and of its `actor`. */
export const CLIENT_REQUEST_FIELDS = ['tenantId', 'to', 'body', 'from', 'mediaUrls', 'metadata', 'idempotencyKey', 'correlationId', 'ttlSeconds', 'actor', 'requestId'] as const;
const ACTOR_FIELDS = ['userId'] as const;

/**
 * Refuses a field the client does not know, as `send()` does, rather than dropping it: a typo such as
 * `mediaUrl` would otherwise send no media, and `ttl` would be ignored. Names the closest field when one
 * is near.
 *
 * @example
 * checkClientRequest({ tenantId: 'org-1', to: '+14155552671', body: 'Hi', ttl: 0 });
 * // throws ValidationError: ttl: is not a request field. Fix: did you mean ttlSeconds? The fields are …
 */
export function checkClientRequest(request: object): void {
  refuseUnknown(request, CLIENT_REQUEST_FIELDS, '');
  const actor = (request as { actor?: unknown }).actor;
  if (typeof actor === 'object' && actor !== null) refuseUnknown(actor, ACTOR_FIELDS, 'actor.');
}

function refuseUnknown(value: object, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = closest(key, known);
    throw new ValidationError({
      field: `${prefix}${key}`,
      reason: 'UNKNOWN_OPTION',
      problem: `is not a request field.`,
      fix: `${near === undefined ? 'remove it' : `did you mean ${prefix}${near}?`}; the fields are ${known.join(', ')}.`,
    });
  }
}

/** The known field a typo most likely meant: same letters ignoring case and `_`, a prefix either way, or one edit away. */
function closest(key: string, known: readonly string[]): string | undefined {
  const squash = (text: string) => text.replaceAll('_', '').toLowerCase();
  return (
    known.find((field) => squash(field) === squash(key)) ??
    known.find((field) => field.startsWith(key) || key.startsWith(field)) ??
    known.find((field) => editDistance(squash(field), squash(key)) <= 1)
  );
}

function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const substitution = (previous[column - 1] ?? 0) + (left[row - 1] === right[column - 1] ? 0 : 1);
      current.push(Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
