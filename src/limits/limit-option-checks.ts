import { ValidationError } from '../errors/validation-error';

/**
 * Internal checks shared by the limit options readers. Options are a programmer's configuration: a
 * mistake throws a `ValidationError` naming `options.<path>` and the fix, never a silently wider limit.
 */
export function optionError(field: string, problem: string, fix: string): ValidationError {
  return new ValidationError({ field, reason: 'INVALID_OPTION', problem, fix });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Throws unless `value` is a plain object whose keys are all in `known`. */
export function checkObject(field: string, value: unknown, known: readonly string[], example: string): void {
  if (!isPlainObject(value)) throw optionError(field, `must be an object, got ${describe(value)}.`, `pass an object such as ${example}.`);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw optionError(`${field}.${key}`, 'is not a known option.', `use only ${known.join(', ')}.`);
  }
}

/** Throws unless `value` is undefined or a whole number from `minimum` to `maximum`. */
export function checkWholeNumber(field: string, value: unknown, minimum: number, maximum: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw optionError(field, `${describe(value)} is not a whole number from ${minimum} to ${maximum}.`, `pass a whole number from ${minimum} to ${maximum}.`);
  }
}

export function checkFunction(field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw optionError(field, `must be a function, got ${describe(value)}.`, 'pass a function or leave it out.');
}

/** Numbers and keywords are configuration worth quoting back; any other string might be personal. */
export function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return /^[A-Za-z_-]{1,24}$/.test(value) ? `"${value}"` : 'a string';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
