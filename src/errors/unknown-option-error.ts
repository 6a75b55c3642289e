import { ValidationError } from './validation-error';

export interface UnknownOptionErrorOptions {
  /** The unknown keys, as the caller wrote them (`mediaUrl`). */
  readonly keys: readonly string[];
  /** What the object is, for the message: `send option`, `request field`. */
  readonly kind: string;
  /** Every key that is accepted, listed in the fix. */
  readonly accepted: readonly string[];
  /** Path of the object the keys are in (`actor`); the field named is then `actor.user_id`. */
  readonly path?: string;
}

/**
 * The `ValidationError` (reason `UNKNOWN_OPTION`) for keys a caller passed that nothing reads: a typo
 * such as `mediaUrl` would otherwise be dropped silently. It names the first unknown key, suggests the
 * accepted key it is a prefix or an extension of, and lists every accepted key.
 *
 * @example
 * unknownOptionError({ keys: ['mediaUrl'], kind: 'request field', accepted: ['to', 'body', 'mediaUrls'] }).message;
 * // 'mediaUrl: is not a request field (did you mean mediaUrls?). Fix: remove it; the request fields are to, body, mediaUrls.'
 */
export function unknownOptionError(options: UnknownOptionErrorOptions): ValidationError {
  const { keys, kind, accepted } = options;
  const first = keys[0] ?? '';
  const near = accepted.find((name) => isNear(first, name));
  const others = keys.length > 1 ? `; also unknown: ${keys.slice(1).join(', ')}` : '';
  return new ValidationError({
    field: options.path === undefined ? first : `${options.path}.${first}`,
    reason: 'UNKNOWN_OPTION',
    problem: `is not a ${kind}${near === undefined ? '' : ` (did you mean ${near}?)`}${others}.`,
    fix: `remove it; the ${kind}s are ${accepted.join(', ')}.`,
  });
}

/** `mediaUrl` → `mediaUrls`, `ttl` → `ttlSeconds`, `MediaUrls` → `mediaUrls`: same start, case aside. */
function isNear(key: string, name: string): boolean {
  const [shorter, longer] = key.length <= name.length ? [key, name] : [name, key];
  return shorter.length >= 2 && longer.toLowerCase().startsWith(shorter.toLowerCase());
}
