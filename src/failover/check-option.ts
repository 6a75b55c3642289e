import { ValidationError } from '../errors/validation-error';

/**
 * Checks for reliability and idempotency options. Options are a programmer's configuration, so a
 * mistake throws a `ValidationError` at construction naming the full path (`options.retry.attempts`)
 * and the fix, never a silently different behaviour at send time.
 */
export function optionError(field: string, problem: string, fix: string): ValidationError {
  return new ValidationError({ field, reason: 'INVALID_OPTION', problem, fix });
}

/** Throws unless `value` is undefined or a plain object whose keys are all in `known`. */
export function checkOptionsObject(field: string, value: unknown, known: readonly string[]): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw optionError(field, `must be an object, got ${describeOption(value)}.`, `pass an object with any of ${known.join(', ')}.`);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw optionError(`${field}.${key}`, 'is not a known option.', `use only ${known.join(', ')}.`);
  }
  return value as Record<string, unknown>;
}

/** `value` if it is a whole number from `minimum` to `maximum`, `fallback` if undefined; throws otherwise. */
export function readWholeNumber(field: string, value: unknown, fallback: number, minimum: number, maximum: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw optionError(field, `${describeOption(value)} is not a whole number from ${minimum} to ${maximum}.`, `pass a whole number from ${minimum} to ${maximum}.`);
  }
  return value;
}

/** `value` if it is a finite number from `minimum` to `maximum`, `fallback` if undefined; throws otherwise. */
export function readNumber(field: string, value: unknown, fallback: number, minimum: number, maximum: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum || value > maximum) {
    throw optionError(field, `${describeOption(value)} is not a number from ${minimum} to ${maximum}.`, `pass a number from ${minimum} to ${maximum}.`);
  }
  return value;
}

/** `value` if it is one of `choices`, `choices[0]` (the default) if undefined; throws otherwise. */
export function readChoice<Choice extends string>(field: string, value: unknown, choices: readonly [Choice, ...Choice[]]): Choice {
  if (value === undefined) return choices[0];
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw optionError(field, `${describeOption(value)} is not allowed.`, `pass one of ${choices.map((choice) => `'${choice}'`).join(', ')}.`);
  }
  return value as Choice;
}

/** `value` if it is a function, `fallback` if undefined; throws otherwise. */
export function readFunction<Value extends (...parameters: never[]) => unknown>(field: string, value: unknown, fallback: Value): Value;
export function readFunction<Value extends (...parameters: never[]) => unknown>(field: string, value: unknown): Value | undefined;
export function readFunction<Value extends (...parameters: never[]) => unknown>(field: string, value: unknown, fallback?: Value): Value | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') throw optionError(field, `must be a function, got ${describeOption(value)}.`, 'pass a function or leave it out.');
  return value as Value;
}

/** Numbers and short keywords are worth quoting back; any other string might be personal or secret. */
export function describeOption(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return /^[A-Za-z_-]{1,32}$/.test(value) ? `"${value}"` : 'a string';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
