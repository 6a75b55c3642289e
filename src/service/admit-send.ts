import type { IdempotencyGuard, IdempotencyLease } from '../idempotency/create-idempotency-guard';
import type { QuotaGate } from '../limits/quota-gate';
import type { SendRequest, ValidatedSendRequest } from '../messages/send-request';
import type { SendResult } from '../messages/send-result';
import { assertNotOptedOut } from '../opt-outs/assert-not-opted-out';
import type { OptOutStore } from '../opt-outs/opt-out-store';
import type { SegmentCalculation } from '../segments/calculate-segments';
import { analyseBody, type BodyRules } from './analyse-body';
import { validateSendRequest, type SendRequestRules } from './validate-send-request';

/** The stages a request passes before any provider call, in order. */
export interface AdmissionStages {
  readonly rules: SendRequestRules;
  readonly body: BodyRules;
  /** Undefined when the service has no opt-out store. */
  readonly optOuts: OptOutStore | undefined;
  readonly idempotency: IdempotencyGuard;
  /** Undefined when neither quotas nor guards are configured. */
  readonly quotaGate: QuotaGate | undefined;
}

export type Admission =
  /** Send it: `lease` settles the idempotency claim (undefined without a key). */
  | { readonly status: 'admitted'; readonly request: ValidatedSendRequest; readonly analysis: SegmentCalculation; readonly lease: IdempotencyLease | undefined }
  /** A repeat of a finished send: `settle` returns (or throws) the first send's outcome, which was recorded and published already. */
  | { readonly status: 'replay'; readonly settle: () => SendResult };

/**
 * Validate → analyse the body → opt-out check → idempotency claim → quota charge. A refusal frees the
 * claim it took, so the same request can be sent again once fixed, and throws; nothing was sent.
 *
 * @example
 * const admission = await admitSend(input, messageId, stages);
 * if (admission.status === 'replay') return admission.settle();
 */
export async function admitSend(input: SendRequest, messageId: string, stages: AdmissionStages): Promise<Admission> {
  const request = validateSendRequest(input, stages.rules);
  const analysis = analyseBody(request.body, stages.body);
  // Refused before the claim and any provider call, so a STOP is never bypassed (docs/webhooks.md).
  if (stages.optOuts !== undefined) await assertNotOptedOut(stages.optOuts, request);
  // The tenant-scoped key is claimed before any charge or provider call (docs/reliability.md#idempotency).
  const claim = await stages.idempotency.claim(request, messageId);
  if (claim.status === 'duplicate') return { status: 'replay', settle: claim.settle };
  const { lease } = claim;
  try {
    // Tenant quota and abuse guards: one atomic charge, only for a valid request (docs/quotas.md).
    if (stages.quotaGate !== undefined) await stages.quotaGate.admit(request, analysis.segments);
  } catch (error) {
    await lease?.release();
    throw error;
  }
  return { status: 'admitted', request, analysis, lease };
}
