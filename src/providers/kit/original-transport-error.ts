/**
 * The error to keep as `cause` of a transport `SmsError`, so the real failure (a socket error, or a
 * `TypeError` thrown inside the HTTP stack, e.g. by a mocking library on an older Node) stays in the
 * cause chain without exposing the request.
 *
 * - An axios error (twilio-node's transport) is never kept: its `config` holds the `Authorization`
 *   header and the form body (the number and the text). Its own `cause`, the Node or socket error it
 *   wraps, is kept instead; without one, a bare `Error` with its name, message and code stands in.
 * - Any other error is kept as it is (the Telnyx SDK's `APIConnectionError` and undici's
 *   `TypeError('fetch failed')` carry only their causes). When the SDK dropped the raw transport error
 *   from its chain (telnyx `APIConnectionTimeoutError` has no cause), the raw one is kept instead.
 *
 * @example
 * originalTransportError(sdkError, observation.transportError); // the error to pass as `cause`
 */
export function originalTransportError(sdkError: unknown, transportError: unknown): unknown {
  const candidate = transportError !== undefined && !chainIncludes(sdkError, transportError) ? transportError : sdkError;
  return isAxiosError(candidate) ? withoutRequest(candidate) : candidate;
}

interface AxiosErrorLike {
  isAxiosError: true;
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

function isAxiosError(value: unknown): value is AxiosErrorLike {
  return typeof value === 'object' && value !== null && (value as { isAxiosError?: unknown }).isAxiosError === true;
}

function withoutRequest(error: AxiosErrorLike): unknown {
  if (error.cause !== undefined && !isAxiosError(error.cause)) return error.cause;
  const standIn = new Error(typeof error.message === 'string' ? error.message : 'axios error');
  standIn.name = typeof error.name === 'string' ? error.name : 'AxiosError';
  if (typeof error.code === 'string') Object.assign(standIn, { code: error.code });
  return standIn;
}

function chainIncludes(error: unknown, target: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    if (current === target) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A stand-in for an error whose message may quote the provider's answer (a JSON `SyntaxError` on a
 * 2xx body quotes the body, which echoes the number): same name and code, no message.
 *
 * @example
 * withheldMessage(new SyntaxError('Unexpected token < in JSON')).message; // 'SyntaxError (message withheld: it may quote the response)'
 */
export function withheldMessage(error: unknown): Error | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { name?: unknown; code?: unknown };
  const name = typeof record.name === 'string' ? record.name : 'Error';
  const standIn = new Error(`${name} (message withheld: it may quote the response)`);
  standIn.name = name;
  if (typeof record.code === 'string') Object.assign(standIn, { code: record.code });
  return standIn;
}
