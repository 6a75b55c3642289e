import { AsyncLocalStorage } from 'node:async_hooks';
import type { SmsResultEvent } from '../events/sms-event';

/** What one worker send collects while `SMSService.send()` runs inside it. */
export interface WorkerSendContext {
  /** The service's own `sms.sent` / `sms.failed` for this send, caught by `createWorkerEventPublisher`. */
  terminal: SmsResultEvent | undefined;
}

// One store per process, even when the ESM and the CommonJS builds are both loaded.
const key = Symbol.for('@ocelot-platform/tools-core.workerSendContext');

/**
 * The async context a worker runs each `send()` in, so the service's events can be told apart per
 * request without changing the service.
 *
 * @example
 * const context: WorkerSendContext = { terminal: undefined };
 * await workerSendContext().run(context, () => sms.send(request));
 */
export function workerSendContext(): AsyncLocalStorage<WorkerSendContext> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<WorkerSendContext> | undefined>;
  holder[key] ??= new AsyncLocalStorage<WorkerSendContext>();
  return holder[key];
}
