import { optionError } from '../options/option-error';

/**
 * `send()` took a second argument in 0.1 (`{ onResultEvent }`); a JavaScript caller may still pass one.
 * It is refused rather than ignored: its result event would otherwise be published twice.
 */
export function refuseRemovedSendOptions(options: unknown): void {
  if (options === undefined) return;
  throw optionError(
    'options',
    'send() takes one argument since 0.2: the onResultEvent option was removed.',
    'call send(request); to take the sms.sent / sms.failed of a send, wrap it in captureResultEvent(() => sms.send(request)) (docs/platform-mode.md).',
  );
}
