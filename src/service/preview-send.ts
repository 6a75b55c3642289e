import type { CountryCode } from 'libphonenumber-js';
import type { SendRequest, ValidatedSendRequest } from '../messages/send-request';
import type { Money } from '../segments/money';
import type { SmsEncoding } from '../segments/calculate-segments';
import { analyseBody } from './analyse-body';
import type { AdmissionStages } from './admit-send';
import { validateSendRequest } from './validate-send-request';

/** What a send would be: `SMSService.preview(request)`. */
export interface SendPreview {
  /** The recipient in E.164, and its country when the number has one. */
  readonly to: string;
  readonly country: CountryCode | undefined;
  /** The sender the request names; undefined when the provider's default sender would be used. */
  readonly from: string | undefined;
  readonly encoding: SmsEncoding;
  readonly segments: number;
  /** Characters as the encoding counts them (GSM-7 septets, UCS-2 code units). */
  readonly units: number;
  readonly remainingInLastSegment: number;
  /** The provider tried first, whose price `cost` is; null when that provider has no price. */
  readonly provider: string;
  readonly cost: Money | null;
}

/**
 * The admission's pure stages (validation, body analysis) and the price, without any stage that has an
 * effect (opt-out lookup, idempotency claim, quota charge) and without a provider call.
 *
 * @example
 * previewSend({ to: '+14155552671', body: 'Hi' }, stages, price).encoding; // 'GSM-7'
 */
export function previewSend(
  input: SendRequest,
  stages: Pick<AdmissionStages, 'rules' | 'body'>,
  price: (request: ValidatedSendRequest, segments: number) => { readonly provider: string; readonly cost: Money | null },
): SendPreview {
  const request = validateSendRequest(input, stages.rules);
  const analysis = analyseBody(request.body, stages.body);
  const { provider, cost } = price(request, analysis.segments);
  return {
    to: request.to,
    country: request.country,
    from: request.from,
    encoding: analysis.encoding,
    segments: analysis.segments,
    units: analysis.units,
    remainingInLastSegment: analysis.remainingInLastSegment,
    provider,
    cost,
  };
}
