import { SmsError } from '../errors/sms-error';
import { ValidationError } from '../errors/validation-error';
import type { OptOutStore } from './opt-out-store';

/**
 * Refuses a send to a recipient who opted out, before the idempotency claim and any provider call
 * (docs/architecture.md, the send pipeline): `VALIDATION_ERROR` reason `OPTED_OUT`, field `to`. The
 * pair is the request's `from` and `to`; a request without `from` goes out through the provider's
 * default sender, which the service does not know, so any opt-out of the recipient blocks it (the safe
 * side of a compliance rule). A store that does not answer blocks the send too
 * (`OPT_OUT_STORE_UNAVAILABLE`): sending without knowing would risk messaging someone who said STOP.
 *
 * @example
 * await assertNotOptedOut(optOuts, { from: '+14155550100', to: '+14155552671' }); // throws ValidationError OPTED_OUT after STOP
 */
export async function assertNotOptedOut(store: OptOutStore, request: { readonly from: string | undefined; readonly to: string }): Promise<void> {
  let found;
  try {
    found = await store.find({ sender: request.from, recipient: request.to });
  } catch (error) {
    throw optOutStoreUnavailable(error);
  }
  if (found === undefined) return;
  const how = found.source === 'keyword' ? `replied ${found.detail ?? 'STOP'}` : found.source === 'provider' ? `was refused by the provider as opted out${found.detail === null ? '' : ` (code ${found.detail})`}` : 'was opted out by the host';
  throw new ValidationError({
    field: 'to',
    reason: 'OPTED_OUT',
    problem: `has opted out of messages from ${found.sender === '*' ? 'every sender' : request.from === undefined ? 'one of your senders' : 'this sender'} (the recipient ${how} on ${found.createdAt}); nothing was sent.`,
    fix: 'do not message this recipient until they reply START (or UNSTOP, YES); pass `from` to check one sender only.',
  });
}

function optOutStoreUnavailable(cause: unknown): SmsError {
  const detail = cause instanceof Error && cause.message !== '' ? ` (${cause.message.slice(0, 200)})` : '';
  return new SmsError({
    code: 'PROVIDER_ERROR',
    reason: 'OPT_OUT_STORE_UNAVAILABLE',
    message: `The opt-out store did not answer${detail}, so the recipient's consent could not be checked and the message was not sent. Fix: check the store's connection and retry.`,
    retryable: true,
    outcomeUnknown: false,
    cause,
  });
}
