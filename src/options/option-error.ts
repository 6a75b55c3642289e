import { ValidationError } from '../errors/validation-error';

/**
 * The one error for a wrong option. Options are a programmer's configuration, so a mistake throws at
 * construction naming the full path (`options.retry.attempts`) and the fix, never a silently different
 * behaviour at send time (docs/errors.md#validation-errors-name-the-field-and-the-fix).
 */
export function optionError(field: string, problem: string, fix: string): ValidationError {
  return new ValidationError({ field, reason: 'INVALID_OPTION', problem, fix });
}
