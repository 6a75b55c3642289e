/** Reads one response header by case-insensitive name. */
export type HeaderReader = (name: string) => string | undefined;

/**
 * Milliseconds to wait according to the response headers: `retry-after-ms` (float ms, a Stainless
 * convention), else `Retry-After` as delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Negative
 * values become 0; malformed values give `undefined` so the caller falls back to its own backoff
 * (docs/reliability.md#retry-after-and-backoff, modelled on telnyx `client.js` `retryRequest`).
 *
 * @example
 * parseRetryAfterMs((name) => ({ 'retry-after': '3' })[name]); // 3000
 * parseRetryAfterMs((name) => ({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' })[name], Date.parse('Wed, 21 Oct 2015 07:27:58 GMT')); // 2000
 */
export function parseRetryAfterMs(readHeader: HeaderReader, now: number = Date.now()): number | undefined {
  const milliseconds = readHeader('retry-after-ms')?.trim();
  if (milliseconds !== undefined && /^\d+(\.\d+)?$/.test(milliseconds)) {
    return Math.ceil(Number.parseFloat(milliseconds));
  }
  const retryAfter = readHeader('retry-after')?.trim();
  if (retryAfter === undefined || retryAfter === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number.parseFloat(retryAfter) * 1000);
  // An HTTP-date names its day and zone ("Wed, 21 Oct 2015 07:28:00 GMT"); `Date.parse('-3')` would
  // otherwise read a bare number as a year.
  if (!/[A-Za-z]/.test(retryAfter)) return undefined;
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Headers as axios (plain object or `AxiosHeaders`) or fetch (`Headers`) expose them. */
export function headerReaderFrom(headers: unknown): HeaderReader {
  return (name) => {
    if (headers === null || typeof headers !== 'object') return undefined;
    const withGetter = headers as { get?: unknown };
    if (typeof withGetter.get === 'function') {
      const value: unknown = (withGetter.get as (key: string) => unknown).call(headers, name);
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    }
    const lower = name.toLowerCase();
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() !== lower) continue;
      if (typeof value === 'string') return value;
      if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    }
    return undefined;
  };
}
