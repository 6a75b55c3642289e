import { ValidationError } from '../errors/validation-error';
import type { ConversationQuery, MessageListQuery } from './conversation';

const DEFAULT_LIMIT = 50;
const MAXIMUM_LIMIT = 200;

/** A listing query after checking: the limit resolved, the cursor decoded into its keyset position. */
export interface ReadListingQuery {
  readonly tenantId: string | null;
  readonly limit: number;
  /** The keyset position after which the page starts (decoded cursor), or undefined for the first page. */
  readonly after: readonly string[] | undefined;
}

/**
 * Checks a `listConversations` query: tenant, limit (1 to 200, default 50) and the opaque cursor of the
 * previous page, with a `ValidationError` naming the field. Pure.
 *
 * @example
 * readConversationQuery({ tenantId: 'org-1' }).limit; // 50
 */
export function readConversationQuery(query: ConversationQuery): ReadListingQuery {
  return { tenantId: readTenant(query.tenantId), limit: readLimit(query.limit), after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, 'cursor', 3) };
}

/**
 * Checks a `listMessages` query like `readConversationQuery`, plus the contact number; `before` is the
 * cursor of the previous page. Pure.
 *
 * @example
 * readMessageListQuery({ tenantId: null, contact: '+14155552671', limit: 20 }).limit; // 20
 */
export function readMessageListQuery(query: MessageListQuery): ReadListingQuery & { readonly contact: string; readonly ourNumber: string | null | undefined } {
  if (typeof query.contact !== 'string' || query.contact === '') {
    throw new ValidationError({ field: 'contact', reason: 'INVALID_FIELD', problem: 'is missing.', fix: "pass the contact's number in E.164, e.g. '+14155552671'." });
  }
  return {
    tenantId: readTenant(query.tenantId),
    limit: readLimit(query.limit),
    after: query.before === undefined ? undefined : decodeCursor(query.before, 'before', 2),
    contact: query.contact,
    ourNumber: query.ourNumber,
  };
}

/**
 * The opaque cursor of a keyset position (the sort values of a page's last row), base64url JSON.
 *
 * @example
 * encodeCursor(['2026-12-07T10:00:00.000Z', 'b3c…']); // 'WyIyMDI2…'
 */
export function encodeCursor(position: readonly string[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown, field: string, length: number): readonly string[] {
  const refuse = () => new ValidationError({ field, reason: 'INVALID_CURSOR', problem: 'is not a cursor this store returned.', fix: 'pass the nextCursor of the previous page unchanged, or leave it out for the first page.' });
  if (typeof cursor !== 'string' || cursor === '') throw refuse();
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(position) || position.length !== length || !position.every((value) => typeof value === 'string')) throw refuse();
  if (Number.isNaN(Date.parse(position[0] as string))) throw refuse();
  return position as string[];
}

function readTenant(tenantId: unknown): string | null {
  if (tenantId === null || (typeof tenantId === 'string' && tenantId !== '')) return tenantId;
  throw new ValidationError({ field: 'tenantId', reason: 'INVALID_FIELD', problem: 'is missing.', fix: "pass the tenant's id, or null for messages sent without one." });
}

function readLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 1 && limit <= MAXIMUM_LIMIT) return limit;
  throw new ValidationError({ field: 'limit', reason: 'INVALID_FIELD', problem: `${JSON.stringify(limit)} is not a whole number from 1 to ${MAXIMUM_LIMIT}.`, fix: `pass a page size such as ${DEFAULT_LIMIT}.` });
}
