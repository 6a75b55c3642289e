import type { SmsResultEvent } from '../events/sms-event';

/** How one `SMSService.send()` call differs from the service's defaults. */
export interface SendOptions {
  /**
   * Takes this send's `sms.sent` / `sms.failed` instead of the service's `events` publisher, which then
   * does not see it. The platform worker answers a request with it, so the outcome goes on the bus once,
   * as the worker's response. Called at most once, and not at all when an idempotency key replays an
   * earlier send (that send published its own). `sms.retrying` and quota notices still go to `events`.
   */
  readonly onResultEvent?: (event: SmsResultEvent) => void;
}
