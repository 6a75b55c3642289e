/**
 * Transport error codes that prove the request never reached the provider: DNS, refused or
 * unreachable, undici's connect timeout, TLS handshake failures (docs/reliability.md#three-outcomes-per-attempt, docs/reliability.md#classifying-provider-answers).
 * nock's `NetConnectNotAllowedError` uses `ENETUNREACH`, so a blocked test request is "not sent" too.
 */
const CONNECT_FAILURE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/**
 * Codes of a timeout after the connection was made: axios's own timeout (`ECONNABORTED`, twilio-node
 * `RequestClient` passes `timeout` to axios), undici's headers/body timeouts, a socket `ETIMEDOUT`
 * outside `connect`.
 */
const RESPONSE_TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export type TransportFailureKind = 'connect-failed' | 'timed-out' | 'connection-lost';

export interface TransportFailure {
  readonly kind: TransportFailureKind;
  /** The transport code that decided it (`ECONNREFUSED`, `ECONNRESET`…), when there was one. */
  readonly code?: string;
}

/**
 * Classifies a transport error by the codes along its `cause` chain (axios copies the socket code;
 * undici wraps it as `TypeError('fetch failed', { cause })`; Node's happy-eyeballs connect raises an
 * `AggregateError` whose `errors` carry the codes). Anything not provably pre-connection, such as
 * `ECONNRESET` or `EPIPE` after the request may have been written, is `connection-lost`: outcome
 * unknown.
 *
 * @example
 * classifyTransportError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).kind; // 'connect-failed'
 */
export function classifyTransportError(error: unknown): TransportFailure {
  const links = collectErrorChain(error);
  for (const link of links) {
    if (typeof link.code === 'string' && CONNECT_FAILURE_CODES.has(link.code)) return { kind: 'connect-failed', code: link.code };
    // An OS-level connect timeout: the socket never connected, nothing was written.
    if (link.code === 'ETIMEDOUT' && link.syscall === 'connect') return { kind: 'connect-failed', code: link.code };
  }
  for (const link of links) {
    if (typeof link.code === 'string' && RESPONSE_TIMEOUT_CODES.has(link.code)) return { kind: 'timed-out', code: link.code };
  }
  const coded = links.find((link) => typeof link.code === 'string');
  return { kind: 'connection-lost', code: typeof coded?.code === 'string' ? coded.code : undefined };
}

interface ErrorLink {
  code?: unknown;
  syscall?: unknown;
  name?: unknown;
}

function collectErrorChain(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && links.length < 12) {
    const current = pending.shift();
    if (current === null || typeof current !== 'object' || links.includes(current as ErrorLink)) continue;
    const link = current as ErrorLink & { cause?: unknown; errors?: unknown };
    links.push(link);
    if (link.cause !== undefined) pending.push(link.cause);
    if (Array.isArray(link.errors)) pending.push(...link.errors);
  }
  return links;
}
