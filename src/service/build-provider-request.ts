import type { ValidatedSendRequest } from '../messages/send-request';
import type { ProviderSendRequest } from '../providers/provider';
import type { SegmentCalculation } from '../segments/calculate-segments';

/**
 * What the provider port receives for an admitted request: the canonical request, the library's
 * message id (adapters put it in status callback URLs) and the encoding and segments counted once.
 *
 * @example
 * buildProviderRequest('m-1', request, calculateSegments(request.body)).segments; // 1
 */
export function buildProviderRequest(messageId: string, request: ValidatedSendRequest, analysis: SegmentCalculation): ProviderSendRequest {
  return {
    messageId,
    to: request.to,
    from: request.from,
    body: request.body,
    mediaUrls: request.mediaUrls,
    encoding: analysis.encoding,
    segments: analysis.segments,
    validityPeriodSeconds: request.validityPeriodSeconds,
    sendAt: request.sendAt,
    tenantId: request.tenantId,
  };
}
