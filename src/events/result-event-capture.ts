import { AsyncLocalStorage } from 'node:async_hooks';
import type { SmsResultEvent } from './sms-event';

interface Capture {
  event: SmsResultEvent | undefined;
}

// One store for every copy of the package in the process, so a worker from one copy still captures the
// events of a service from another (the same reason errors carry a registered-symbol marker).
const storageKey = Symbol.for('@ocelot-platform/tools-core.resultEventCapture');
const registry = globalThis as typeof globalThis & { [storageKey]?: AsyncLocalStorage<Capture> };
const storage: AsyncLocalStorage<Capture> = (registry[storageKey] ??= new AsyncLocalStorage<Capture>());

export type CapturedSend<Value> =
  | { readonly ok: true; readonly value: Value; readonly event: SmsResultEvent | undefined }
  | { readonly ok: false; readonly error: unknown; readonly event: SmsResultEvent | undefined };

/**
 * Runs `send` and takes the first `sms.sent` / `sms.failed` a service publishes inside it, instead of
 * that service's `events` publisher. The platform worker answers each request this way, so the outcome
 * goes on the bus once, as the worker's response. It follows the async context, so it reaches the
 * service through any wrapper (`{ send: (request) => sms.send(request) }`) with nothing to forward.
 *
 * @example
 * const captured = await captureResultEvent(() => service.send(request));
 * if (!captured.ok) console.log(captured.event?.data.message_id);
 */
export async function captureResultEvent<Value>(send: () => Promise<Value>): Promise<CapturedSend<Value>> {
  const capture: Capture = { event: undefined };
  try {
    const value = await storage.run(capture, send);
    return { ok: true, value, event: capture.event };
  } catch (error) {
    return { ok: false, error, event: capture.event };
  }
}

/**
 * Called by the service with each terminal event: true when a capture around the send took it (the
 * service then does not publish it), false when it is the publisher's. A capture takes one event: a
 * second send inside it publishes as usual.
 */
export function takeResultEvent(event: SmsResultEvent): boolean {
  const capture = storage.getStore();
  if (capture === undefined || capture.event !== undefined) return false;
  capture.event = event;
  return true;
}
