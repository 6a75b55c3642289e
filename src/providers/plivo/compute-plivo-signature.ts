import { createHmac } from 'node:crypto';

/** Form parameters as Plivo posts them: every name once, a repeated name as a list. */
export type PlivoParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * Plivo's V3 webhook signature (`X-Plivo-Signature-V3`): base64 HMAC-SHA256, keyed with the Auth
 * Token, over `<base>.<nonce>`, where the base is built from the URL and the POST form parameters
 * exactly as plivo-node's `validateV3Signature` does (`dist/utils/v3Security.js`,
 * https://docs.plivo.com/docs/voice/xml/request/validation):
 * - `scheme://host[:port]/path` as written (user info and fragment dropped);
 * - the query, decoded, sorted by name then value, as `name=value` joined with `&`, after a `?`;
 * - with form parameters: a `?` (and after a query, a `.`), then every parameter as `namevalue`,
 *   sorted by name then value, with no separator.
 *
 * @example
 * computePlivoSignature({ authToken: 'token', url: 'https://example.com/sms/', params: { From: '14155550100' }, nonce: '123' });
 * // HMAC-SHA256 over 'https://example.com/sms/?From14155550100.123'
 */
export function computePlivoSignature(options: { authToken: string; url: string; params: PlivoParams; nonce: string }): string {
  const base = plivoSignedBase(options.url, options.params);
  return createHmac('sha256', options.authToken).update(`${base}.${options.nonce}`, 'utf8').digest('base64');
}

/** The string Plivo signs for a POST, before `.<nonce>` (see {@link computePlivoSignature}). */
export function plivoSignedBase(url: string, params: PlivoParams): string {
  const parts = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/i.exec(url);
  if (parts === null) return url;
  const [, scheme = '', authority = '', path = '', query] = parts;
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  let base = `${scheme}://${hostAndPort}${path}`;
  const queryString = sortedQuery(query ?? '');
  const names = Object.keys(params).sort();
  if (queryString !== '' || names.length > 0) base += `?${queryString}`;
  if (queryString !== '' && names.length > 0) base += '.';
  for (const name of names) {
    const value = params[name];
    const values = typeof value === 'string' ? [value] : [...(value ?? [])].sort();
    for (const item of values) base += `${name}${item}`;
  }
  return base;
}

/** The query decoded (`+` is a space), names sorted, each name's values sorted, as `a=1&b=2`. */
function sortedQuery(query: string): string {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(query)) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  return [...grouped.keys()]
    .sort()
    .flatMap((name) => [...(grouped.get(name) ?? [])].sort().map((value) => `${name}=${value}`))
    .join('&');
}
