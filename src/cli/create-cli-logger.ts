import type { Logger } from '../logging/logger';
import type { LogEntry } from './create-json-logger';

/**
 * The library's `Logger` over the CLI's JSON lines: what the service, the bus or the webhook handler
 * logs becomes one JSON line with `level`, `event` (the entry's `code`, lower-cased, else `log`),
 * `component`, its fields and `message`. An `err` field is written as its message, never a stack.
 *
 * @example
 * const logger = createCliLogger(log, 'worker');
 * new SMSService({ providers, logger });
 */
export function createCliLogger(log: (entry: LogEntry) => void, component: string): Logger {
  const at =
    (level: LogEntry['level']) =>
    (fields: Record<string, unknown>, message: string): void => {
      const { err, code, ...rest } = fields;
      const event = typeof code === 'string' ? code.toLowerCase() : 'log';
      log({ level, event, component, ...rest, ...(err === undefined ? {} : { error: err instanceof Error ? err.message : String(err) }), message });
    };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
