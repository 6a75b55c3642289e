import type { Clock } from '../clock';

/** One log line before serialisation. */
export type LogEntry = { readonly level: 'info' | 'warn' | 'error'; readonly event: string } & Readonly<Record<string, unknown>>;

/**
 * Writes each entry as one JSON line, with `time` (ISO 8601) first. The entries are log-safe already:
 * the worker masks numbers and never logs bodies; the bus masks URL passwords.
 *
 * @example
 * const log = createJsonLogger((line) => process.stdout.write(`${line}\n`));
 * log({ level: 'info', event: 'worker.started', component: 'worker' }); // {"time":"…","level":"info","event":"worker.started","component":"worker"}
 */
export function createJsonLogger(write: (line: string) => void, clock: Clock = { now: () => Date.now() }): (entry: LogEntry) => void {
  return (entry) => write(JSON.stringify({ time: new Date(clock.now()).toISOString(), ...entry }));
}
