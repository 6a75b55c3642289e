import { getSystemErrorMap } from 'node:util';
import { ValidationError } from '../errors/validation-error';

/** Where each socket error happens, as Node reports it, and the libuv error it carries. */
const CONNECTION_ERRORS = {
  ECONNREFUSED: { syscall: 'connect', uvName: 'ECONNREFUSED' },
  ETIMEDOUT: { syscall: 'connect', uvName: 'ETIMEDOUT' },
  EHOSTUNREACH: { syscall: 'connect', uvName: 'EHOSTUNREACH' },
  ENETUNREACH: { syscall: 'connect', uvName: 'ENETUNREACH' },
  // DNS failures: Node's `dns.lookup` reports getaddrinfo's EAI_NONAME as ENOTFOUND.
  ENOTFOUND: { syscall: 'getaddrinfo', uvName: 'EAI_NONAME' },
  EAI_AGAIN: { syscall: 'getaddrinfo', uvName: 'EAI_AGAIN' },
  // After the request was written: the provider may have accepted it.
  ECONNRESET: { syscall: 'read', uvName: 'ECONNRESET' },
  EPIPE: { syscall: 'write', uvName: 'EPIPE' },
} as const;

export type ConnectionErrorCode = keyof typeof CONNECTION_ERRORS;

export interface ConnectionErrorOptions {
  /** Host named in the message and `hostname` (DNS errors) or `address` (socket errors). Default `api.example.com`. */
  host?: string;
  /** Port named in a connect error's message. Default 443. */
  port?: number;
}

/**
 * A socket error shaped like the one Node raises (`Error` with `code`, `errno`, `syscall`), for
 * nock's `replyWithError`. Use it instead of `replyWithError({ code: 'ECONNREFUSED' })`: nock 15
 * hands the reply to @mswjs/interceptors, which forwards only real errors that have both `code` and
 * `errno`; a plain object leaves the request hanging until the adapter's deadline, which then
 * (rightly, for a request that got no answer) reports `TIMEOUT/RESPONSE_TIMEOUT`. See
 * docs/testing.md#the-error-object-form.
 *
 * `ECONNREFUSED`, `ETIMEDOUT` (on connect), `EHOSTUNREACH`, `ENETUNREACH`, `ENOTFOUND` and
 * `EAI_AGAIN` happen before anything is written: the adapters report `CONNECTION_FAILED`, not sent.
 * `ECONNRESET` and `EPIPE` may happen after the request was written: `CONNECTION_LOST`, outcome unknown.
 *
 * @example
 * nock('https://api.twilio.com').post(/Messages\.json$/).replyWithError(connectionError('ECONNREFUSED'));
 */
export function connectionError(code: ConnectionErrorCode, options: ConnectionErrorOptions = {}): Error {
  if (!Object.hasOwn(CONNECTION_ERRORS, code)) {
    throw new ValidationError({
      field: 'code',
      reason: 'INVALID_OPTION',
      problem: `${JSON.stringify(code)} is not a supported connection error code.`,
      fix: `pass one of ${Object.keys(CONNECTION_ERRORS).join(', ')}.`,
    });
  }
  const { syscall, uvName } = CONNECTION_ERRORS[code];
  const host = options.host ?? 'api.example.com';
  const port = options.port ?? 443;
  const errno = libuvErrno(uvName);
  if (syscall === 'getaddrinfo') {
    return Object.assign(new Error(`getaddrinfo ${code} ${host}`), { code, errno, syscall, hostname: host });
  }
  if (syscall === 'connect') {
    return Object.assign(new Error(`connect ${code} ${host}:${port}`), { code, errno, syscall, address: host, port });
  }
  return Object.assign(new Error(`${syscall} ${code}`), { code, errno, syscall });
}

/** The platform's libuv error number for a name (negative, as on Node's errors). */
function libuvErrno(name: string): number {
  for (const [errno, [errorName]] of getSystemErrorMap()) {
    if (errorName === name) return errno;
  }
  return -1;
}
