/** Form parameters: each name once, a repeated name as the list of its values. */
export type FormParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * Reads an `application/x-www-form-urlencoded` body as Twilio and Plivo post it: every name once, a repeated
 * name as a list of its values. The result has no prototype, so a parameter named `__proto__` or
 * `constructor` is just a parameter.
 *
 * @example
 * parseFormParams('Body=Hi+there&MediaUrl=a&MediaUrl=b'); // { Body: 'Hi there', MediaUrl: ['a', 'b'] }
 */
export function parseFormParams(text: string): Record<string, string | string[]> {
  const params = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URLSearchParams(text)) {
    const previous = params[name];
    params[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return params;
}

/** The first value of a parameter. */
export function firstParam(params: FormParams, name: string): string | undefined {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  return typeof value === 'string' ? value : Array.isArray(value) ? (value as readonly string[])[0] : undefined;
}
