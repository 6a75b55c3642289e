import { optionError } from '../../options/option-error';

export interface PublicUrlOptions {
  /**
   * The origin the vendor calls, e.g. `https://api.example.com`: replaces the scheme, host and port this
   * process sees (a reverse proxy or load balancer rewrites them, and the vendor signed the public URL).
   * The path and query are kept from the request.
   */
  publicOrigin?: string;
  /** Or the whole public URL of a request, for proxies that also rewrite the path. */
  publicUrl?: (request: Request) => string;
}

/**
 * How to rebuild the URL a vendor signed (Twilio, Plivo sign the URL they called) from the request this
 * process received. Throws a `ValidationError` naming `field.publicOrigin` / `field.publicUrl`.
 *
 * @example
 * readPublicUrl({ publicOrigin: 'https://api.example.com' }, 'options.providers.twilio')(request);
 */
export function readPublicUrl(options: PublicUrlOptions, field: string): (request: Request) => string {
  if (options.publicOrigin !== undefined && options.publicUrl !== undefined) {
    throw optionError(`${field}.publicUrl`, 'is set together with publicOrigin.', 'pass one of them.');
  }
  if (options.publicUrl !== undefined) {
    if (typeof options.publicUrl !== 'function') throw optionError(`${field}.publicUrl`, 'is not a function.', 'pass (request) => the full public URL the provider called.');
    return options.publicUrl;
  }
  if (options.publicOrigin === undefined) return (request) => request.url;
  const origin = readOrigin(options.publicOrigin, `${field}.publicOrigin`);
  return (request) => {
    const received = new URL(request.url);
    return origin + received.pathname + received.search;
  };
}

function readOrigin(value: unknown, field: string): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw optionError(field, 'is not an origin (scheme, host and optional port, nothing else).', "pass e.g. 'https://api.example.com'; use publicUrl when the proxy also rewrites the path.");
  }
  return url.origin;
}
