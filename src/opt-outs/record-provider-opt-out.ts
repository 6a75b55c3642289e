import { findOptOutError } from './find-opt-out-error';
import { ANY_SENDER, type OptOutStore } from './opt-out-store';

/**
 * After a failed send, records the opt-out a provider reported (Twilio 21610, Telnyx 40300: the
 * recipient replied STOP to that provider's number), so the next send is refused before any provider
 * call. Without a `from` in the request the sender is unknown, so the opt-out is recorded for every
 * sender (`ANY_SENDER`); the recipient's START to any of the host's numbers lifts it. Resolves true when
 * something was recorded; store errors are thrown for the caller to report.
 *
 * @example
 * await recordProviderOptOut(optOuts, { from: '+14155550100', to: '+14155552671' }, mapTwilioError({ httpStatus: 400, code: 21610 }), Date.now()); // true
 */
export async function recordProviderOptOut(
  store: OptOutStore,
  request: { readonly from: string | undefined; readonly to: string },
  error: unknown,
  now: number,
): Promise<boolean> {
  const optOut = findOptOutError(error);
  if (optOut === undefined) return false;
  await store.add({
    sender: request.from ?? ANY_SENDER,
    recipient: request.to,
    source: 'provider',
    detail: optOut.providerCode ?? null,
    provider: optOut.provider ?? null,
    createdAt: new Date(now).toISOString(),
  });
  return true;
}
