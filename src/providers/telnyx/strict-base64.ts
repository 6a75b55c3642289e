const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes canonical, padded base64 (RFC 4648 §4) and nothing else: no whitespace, no URL-safe
 * alphabet, no missing padding, and no non-zero padding bits (two strings decoding to the same bytes
 * would make signatures malleable). Node's `Buffer.from(value, 'base64')` accepts all of those, so it is
 * checked here first (docs/webhooks.md#verifying-signatures-yourself: "strict base64").
 *
 * @example
 * decodeStrictBase64('AAE='); // Uint8Array [0, 1]
 * decodeStrictBase64('AAF='); // undefined: the padding bits are not zero
 */
export function decodeStrictBase64(value: string, maxLength = 1024): Uint8Array | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength || !BASE64.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  return bytes.toString('base64') === value ? new Uint8Array(bytes) : undefined;
}
