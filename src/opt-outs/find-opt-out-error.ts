import { FinalFailureError } from '../errors/final-failure-error';
import { SmsError } from '../errors/sms-error';

/**
 * The provider error among `error` (itself, or one of a final failure's attempts) that says the
 * recipient opted out: reason `OPTED_OUT`, which the pure tables give Twilio 21610 and Telnyx 40300
 * (docs/webhooks.md#opt-outs).
 *
 * @example
 * findOptOutError(mapTwilioError({ httpStatus: 400, code: 21610 }))?.providerCode; // '21610'
 */
export function findOptOutError(error: unknown): SmsError | undefined {
  if (!SmsError.isInstance(error)) return undefined;
  if (FinalFailureError.isInstance(error)) return error.errors.find((attempt) => attempt.reason === 'OPTED_OUT');
  return error.reason === 'OPTED_OUT' ? error : undefined;
}
