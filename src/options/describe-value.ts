/**
 * A wrong value, described for an error message: numbers and short keywords are configuration worth
 * quoting back; any other string might be personal or secret, so only its type is named.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return /^[A-Za-z_-]{1,32}$/.test(value) ? `"${value}"` : 'a string';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
