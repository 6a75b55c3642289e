import type { Clock } from '../clock';
import { createIdempotencyGuard } from '../idempotency/create-idempotency-guard';
import type { IdempotencyStore } from '../idempotency/idempotency-store';
import type { ResolvedIdempotencyOptions } from '../idempotency/idempotency-options';
import type { QuotaGate } from '../limits/quota-gate';
import type { OptOutStore } from '../opt-outs/opt-out-store';
import { readPhonePolicy } from '../phone/phone-policy';
import type { ReliableProvider } from '../failover/create-reliable-provider';
import { calculateSegments } from '../segments/calculate-segments';
import type { AdmissionStages } from './admit-send';
import type { BackgroundErrorContext, SMSServiceOptions } from './sms-service-options';

export interface AdmissionStagesInput {
  readonly options: SMSServiceOptions;
  readonly provider: ReliableProvider;
  readonly optOuts: OptOutStore | undefined;
  readonly quotaGate: QuotaGate | undefined;
  readonly idempotency: ResolvedIdempotencyOptions;
  readonly idempotencyStore: IdempotencyStore;
  readonly clock: Clock;
  readonly onBackgroundError: (error: unknown, context: BackgroundErrorContext) => void;
}

/**
 * The admission stages of a service (docs/architecture.md, the send pipeline), from its options: the
 * request rules (phone policy, media capped at what the providers take, segments), the body rules, the
 * opt-out store, the idempotency guard on its store and the quota gate. Checks the segment options once,
 * here, rather than on the first send.
 *
 * @example
 * const admission = createAdmissionStages({ options, provider, optOuts, quotaGate, idempotency, idempotencyStore, clock, onBackgroundError });
 */
export function createAdmissionStages(input: AdmissionStagesInput): AdmissionStages {
  const { options, provider } = input;
  calculateSegments('', options.segments);
  const maxSegments = options.maxSegments ?? 10;
  return {
    rules: {
      phone: readPhonePolicy(options.phone),
      maxMediaUrls: Math.min(options.maxMediaUrls ?? 10, provider.capabilities?.maxMediaUrls ?? Infinity),
      maxSegments,
    },
    body: { segments: options.segments, maxSegments },
    optOuts: input.optOuts,
    idempotency: createIdempotencyGuard({
      store: input.idempotencyStore,
      settings: input.idempotency,
      onStoreError: (error, messageId) => input.onBackgroundError(error, { stage: 'idempotency', messageId }),
    }),
    quotaGate: input.quotaGate,
  };
}
