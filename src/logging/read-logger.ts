import { optionError } from '../options/option-error';
import type { Logger } from './logger';
import { processWarningLogger } from './logger';

/**
 * The `logger` option, checked once: undefined gives the default ({@link processWarningLogger}); otherwise
 * an object with `info`, `warn` and `error` methods (pino's shape), or a `ValidationError` naming `field`.
 *
 * @example
 * const logger = readLogger(options.logger, 'options.logger');
 */
export function readLogger(value: unknown, field: string): Logger {
  if (value === undefined) return processWarningLogger;
  const candidate = value as Partial<Record<keyof Logger, unknown>> | null;
  const missing = (['info', 'warn', 'error'] as const).filter((level) => typeof candidate?.[level] !== 'function');
  if (typeof value !== 'object' || value === null || missing.length > 0) {
    throw optionError(field, `has no ${missing.join(', ') || 'level'} method${missing.length === 1 ? '' : 's'}.`, 'pass a pino logger, or an object with info(fields, message), warn(…) and error(…).');
  }
  return value as Logger;
}
