import { headerReaderFrom, type HeaderReader } from '../kit/retry-after';

/** Longest error body read: Vonage's RFC 7807 answers are a few hundred bytes. */
const MAX_ERROR_BODY_CHARACTERS = 16_384;

/**
 * A non-2xx answer of the Messages API, read inside the attempt (so its deadline and signal cover the
 * body too). It replaces the SDK's `VetchError`, whose `config` carries the request, and with it the
 * `Authorization` header and the JSON body (number and text): this error holds only the status, the
 * headers and the parsed RFC 7807 body.
 */
export class VonageHttpError extends Error {
  readonly status: number;
  readonly readHeader: HeaderReader;
  /** The parsed JSON body (`{ type, title, detail, instance }`), or undefined when it is not JSON. */
  readonly body: unknown;

  constructor(options: { status: number; readHeader: HeaderReader; body: unknown }) {
    super(`Vonage answered HTTP ${options.status}`);
    this.name = 'VonageHttpError';
    this.status = options.status;
    this.readHeader = options.readHeader;
    this.body = options.body;
  }

  /** Reads the body of a failed response; an unreadable body leaves `body` undefined. */
  static async fromResponse(response: Response): Promise<VonageHttpError> {
    let body: unknown;
    try {
      const text = (await response.text()).slice(0, MAX_ERROR_BODY_CHARACTERS);
      body = JSON.parse(text);
    } catch (error) {
      // An abort while reading the body must end the attempt as an abort, not as an HTTP error.
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw error;
      body = undefined;
    }
    return new VonageHttpError({ status: response.status, readHeader: headerReaderFrom(response.headers), body });
  }
}

export function isVonageHttpError(value: unknown): value is VonageHttpError {
  return value instanceof VonageHttpError;
}
