/**
 * The spellings of a URL Twilio may have signed. twilio-node accepts a signature over the URL with or
 * without its port "since signature generation on the back end is inconsistent", first as received,
 * then as normalised by the WHATWG URL parser (docs/webhooks.md#verifying-signatures-yourself). A Fetch `Request.url` is already
 * normalised (default port dropped), so both forms are tried.
 *
 * @example
 * twilioUrlCandidates('https://example.com/sms?a=1');
 * // ['https://example.com/sms?a=1', 'https://example.com:443/sms?a=1']
 */
export function twilioUrlCandidates(url: string): string[] {
  const candidates = [withoutPort(url), withPort(url)];
  let normalised: string | undefined;
  try {
    normalised = new URL(url).toString();
  } catch {
    normalised = undefined;
  }
  if (normalised !== undefined) candidates.push(withoutPort(normalised), withPort(normalised));
  return [...new Set(candidates)];
}

interface UrlParts {
  readonly scheme: string;
  readonly userInfo: string;
  readonly host: string;
  readonly port: string;
  readonly rest: string;
}

/** Splits without normalising, so the path and query keep the exact characters Twilio signed. */
function split(url: string): UrlParts | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (match === null) return undefined;
  const [prefix, scheme, authority] = match as unknown as [string, string, string];
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  // In an IPv6 literal the port colon comes after the closing bracket.
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? '' : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function withoutPort(url: string): string {
  const parts = split(url);
  return parts === undefined ? url : parts.scheme + parts.userInfo + parts.host + parts.rest;
}

function withPort(url: string): string {
  const parts = split(url);
  if (parts === undefined || parts.port !== '') return url;
  const port = parts.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return parts.scheme + parts.userInfo + parts.host + port + parts.rest;
}
