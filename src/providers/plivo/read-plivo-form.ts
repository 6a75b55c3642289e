import type { PlivoParams } from './compute-plivo-signature';

/**
 * Reads an `application/x-www-form-urlencoded` body as Plivo posts it: every name once, a repeated name
 * as a list. The result has no prototype, so a parameter named `__proto__` is just a parameter.
 *
 * @example
 * readPlivoForm('Text=Hi+there&From=14155550100'); // { Text: 'Hi there', From: '14155550100' }
 */
export function readPlivoForm(text: string): Record<string, string | string[]> {
  const params = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URLSearchParams(text)) {
    const previous = params[name];
    params[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return params;
}

/** The first value of a parameter. */
export function plivoParam(params: PlivoParams, name: string): string | undefined {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  return typeof value === 'string' ? value : Array.isArray(value) ? (value as readonly string[])[0] : undefined;
}

/**
 * An address as Plivo writes it (`14155550100`, no `+`) in E.164 (`+14155550100`), so opt-outs and
 * records match the numbers the library sent to. Nine or more digits are a phone number; short codes
 * (3–8 digits) and alphanumeric senders are kept.
 */
export function plivoAddress(value: string | undefined): string | undefined {
  if (value === undefined || value.length === 0 || value.length > 256) return undefined;
  return /^\d{9,15}$/.test(value) ? `+${value}` : value;
}
