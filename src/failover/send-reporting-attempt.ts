import type { Clock } from '../clock';
import { failedAttempt, sentAttempt } from '../providers/attempt-outcome';
import type { ProviderSendRequest, ProviderSendResult, SmsProvider } from '../providers/provider';
import type { SendAttempt } from '../messages/send-attempt';
import { toSmsError } from '../providers/to-sms-error';
import type { ReliableSendOptions } from './reliable-send-options';

/**
 * Calls one provider for a decorator and makes sure the call shows up in `onAttempt` exactly once
 * per real attempt: a decorator underneath (failover, retries) reports its own attempts, a plain
 * adapter reports none, so one is reported here for it. Anything thrown comes back as an `SmsError`
 * (a plain error is outcome unknown, docs/reliability.md#three-outcomes-per-attempt), and the result names the provider.
 *
 * @example
 * const result = await sendReportingAttempt(twilio, request, { onAttempt: (attempt) => attempts.push(attempt) }, systemClock);
 */
export async function sendReportingAttempt(
  provider: SmsProvider,
  request: ProviderSendRequest,
  options: ReliableSendOptions | undefined,
  clock: Clock,
): Promise<ProviderSendResult> {
  const startedAt = clock.now();
  let reported = false;
  const onAttempt = (attempt: SendAttempt): void => {
    reported = true;
    options?.onAttempt?.(attempt);
  };
  try {
    const result = await provider.send(request, { ...options, onAttempt });
    if (!reported) options?.onAttempt?.(sentAttempt(provider.id, clock.now() - startedAt));
    return result.provider === undefined ? { ...result, provider: provider.id } : result;
  } catch (thrown) {
    const error = toSmsError(thrown, provider.id);
    if (!reported) options?.onAttempt?.(failedAttempt(provider.id, error, clock.now() - startedAt));
    throw error;
  }
}
