/**
 * Where the library writes what it has to say: pino-compatible (each level method takes an object of
 * fields, then a message), so a host passes its pino, or any logger of that shape (docs/logging.md).
 * `debug` is optional. The library never puts a full phone number or a message body in a field.
 */
export interface Logger {
  debug?(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * The default logger: silent for `debug` and `info`, and warnings and errors as `process.emitWarning`
 * with the entry's `code` (`TOOLS_CORE_…`), so nothing that needs attention is silent without a logger.
 *
 * @example
 * processWarningLogger.warn({ code: 'TOOLS_CORE_BACKGROUND' }, 'tools-core could not record message m1'); // a process warning
 */
export const processWarningLogger: Logger = {
  info: () => undefined,
  warn: (fields, message) => emit(fields, message),
  error: (fields, message) => emit(fields, message),
};

function emit(fields: Record<string, unknown>, message: string): void {
  process.emitWarning(message, { code: typeof fields.code === 'string' ? fields.code : 'TOOLS_CORE' });
}
